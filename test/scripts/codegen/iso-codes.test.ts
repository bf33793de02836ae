// The ISO code lists and the ISO fields table, as the generator emits and reads them: the lists in
// src/common/generated/iso-codes.ts hold exactly the codes of the packages they come from, the table names
// exactly the fields whose spec rows name an ISO code list, and the emitter wraps each such field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import currencies from 'currency-codes';
import countries from 'i18n-iso-countries';
import languages from 'iso-639-1';
import { describe, expect, it } from 'vitest';
import { fieldExpression } from '../../../scripts/codegen/emit-schemas';
import { encodeCodes, isoLists } from '../../../scripts/codegen/iso-codes';
import { ISO_FIELDS, isoFieldProblems } from '../../../scripts/codegen/iso-fields';
import { SPEC_VERSIONS } from '../../../scripts/codegen/model';
import { readSpec } from '../../../scripts/codegen/read-spec';
import * as emitted from '../../../src/common/generated/iso-codes';
import { listed } from '../../../src/common/schema/primitives/iso-code-lists';
import { describeWithSpec, specDir } from '../../support/spec';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every code of `width` letters that `codes` (an encoded list) holds, upper-case. */
function decode(codes: string, width: 2 | 3): string[] {
  const all = width === 2 ? [''] : [...LETTERS];
  const pairs = all.flatMap((first) => [...LETTERS].flatMap((a) => [...LETTERS].map((b) => first + a + b)));
  return pairs.filter((code) => listed(codes, code));
}

describe('the emitted ISO code lists', () => {
  it('hold exactly the codes of the packages, read back as the checks read them', () => {
    expect(decode(emitted.COUNTRY_ALPHA_3, 3)).toEqual(Object.keys(countries.getAlpha3Codes()).sort());
    expect(decode(emitted.CURRENCY, 3)).toEqual([...currencies.codes()].sort());
    expect(decode(emitted.LANGUAGE, 2)).toEqual(
      languages
        .getAllCodes()
        .map((code) => code.toUpperCase())
        .sort(),
    );
  });

  it('are what the generator emits from the packages today', () => {
    const byName: Readonly<Record<string, string>> = { ...emitted };
    for (const list of isoLists()) expect(byName[list.name], list.name).toBe(encodeCodes(list.codes));
  });

  it('read the codes in any case, and nothing of another length or outside the list', () => {
    expect(listed(emitted.LANGUAGE, 'nl')).toBe(true);
    expect(listed(emitted.LANGUAGE, 'NL')).toBe(true);
    expect(listed(emitted.LANGUAGE, 'qq')).toBe(false);
    expect(listed(emitted.COUNTRY_ALPHA_3, 'ZWE')).toBe(true);
    expect(listed(emitted.COUNTRY_ALPHA_3, 'ZZZ')).toBe(false);
    expect(listed(emitted.CURRENCY, 'AED')).toBe(true);
    expect(listed(emitted.CURRENCY, 'aed')).toBe(true);
    expect(listed(emitted.CURRENCY, 'AEDX')).toBe(false);
    expect(listed(emitted.LANGUAGE, 'n')).toBe(false);
  });

  it('encode three-letter codes grouped by first letter and two-letter ones as a bitmap', () => {
    expect(encodeCodes(['ABC', 'ABD', 'BCD'])).toBe('AbcbdBcd');
    expect(encodeCodes(['AA', 'AC', 'ba'])).toBe(`5${'0'.repeat(5)}4${'0'.repeat(162)}`);
  });
});

describeWithSpec('the ISO fields table', () => {
  const model = readSpec(specDir());
  // The spec rows (as tagged, where the model's line numbers point) that name an ISO code list.
  const namesIsoList = /ISO[- ]?(3166|4217|639)/;

  it.each(SPEC_VERSIONS)(
    '%s: names exactly the fields whose row names an ISO list, and ClientInfo',
    (version) => {
      const versionModel = model.versions[version];
      const named: string[] = [];
      for (const module of versionModel.modules) {
        const lines = readFileSync(path.join(specDir(), versionModel.source.dir, module.file), 'utf8').split(
          '\n',
        );
        for (const object of module.objects) {
          for (const field of object.fields) {
            if (namesIsoList.test(lines[field.line - 1] ?? '')) named.push(`${object.name}.${field.name}`);
          }
        }
      }
      const listedFields = ISO_FIELDS.filter(({ versions }) => versions.includes(version)).map(
        ({ object, field }) => `${object}.${field}`,
      );
      // ClientInfo's row points to the credentials exchange for its country code instead of naming ISO.
      const byReference = version === '2.2.1' ? ['ClientInfo.country_code'] : [];
      expect([...listedFields].sort()).toEqual([...named, ...byReference].sort());
      expect(isoFieldProblems(versionModel)).toEqual([]);
    },
  );

  it('refuses an entry that names no field, or a field of the wrong length', () => {
    const version = model.versions['2.1.1'];
    expect(
      isoFieldProblems(version, [
        { object: 'Location', field: 'nowhere', list: 'currency', versions: ['2.1.1'] },
        { object: 'Location', field: 'country', list: 'language', versions: ['2.1.1'] },
      ]),
    ).toEqual([
      '2.1.1 Location.nowhere: no such field',
      '2.1.1 Location.country: a language code needs a string(2) field',
    ]);
  });
});

describe('the emitter', () => {
  it('wraps an ISO field in the check of its list, inside its cardinality', () => {
    const field = {
      name: 'language',
      type: { kind: 'primitive', name: 'string', maxLength: 2 },
      cardinality: '?',
      line: 1,
    } as const;
    expect(
      fieldExpression(field, undefined, {
        object: 'Token',
        field: 'language',
        list: 'language',
        versions: [],
      }),
    ).toBe('/*@__PURE__*/ z.optional(/*@__PURE__*/ isoLanguage(/*@__PURE__*/ string(2)))');
  });
});
