/** The errata diffs applied to the model: on the real spec, and on small made-up spec folders. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyErrata,
  correctedSpecFile,
  ERRATA_FILES,
  ErrataError,
  renderErrataChanges,
} from '../../../scripts/codegen/errata';
import type {
  EnumModel,
  FieldModel,
  ObjectModel,
  SpecModel,
  SpecVersion,
} from '../../../scripts/codegen/model';
import { readSpec } from '../../../scripts/codegen/read-spec';
import { describeWithSpec, specDir as findSpecDir } from '../../support/spec';

function object(model: SpecModel, version: SpecVersion, name: string): ObjectModel {
  const found = model.versions[version].modules
    .flatMap((module) => module.objects)
    .find((o) => o.name === name);
  if (!found) throw new Error(`${version} has no ${name}`);
  return found;
}

function field(model: SpecModel, version: SpecVersion, owner: string, name: string): FieldModel {
  const found = object(model, version, owner).fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${version} ${owner} has no ${name}`);
  return found;
}

function enumModel(model: SpecModel, version: SpecVersion, name: string): EnumModel {
  const found = model.versions[version].modules
    .flatMap((module) => module.enums)
    .find((e) => e.name === name);
  if (!found) throw new Error(`${version} has no ${name}`);
  return found;
}

describeWithSpec('applyErrata on the real spec', () => {
  const specDir = findSpecDir();
  const model = readSpec(specDir);
  const before = structuredClone(model);
  const result = applyErrata(model, specDir);

  it('finds exactly these model changes', () => {
    expect(result.changes).toEqual([
      {
        version: '2.1.1',
        file: 'mod_locations.md',
        line: 523,
        owner: 'EVSE.images',
        what: 'link',
        before: '#48-image-class',
        after: '#414-image-class',
      },
      {
        version: '2.2.1',
        file: 'mod_cdrs.asciidoc',
        line: 555,
        owner: 'SignedValue.plain_data',
        what: 'type',
        before: 'string(512)',
        after: 'string(5000)',
      },
      {
        version: '2.2.1',
        file: 'mod_locations.asciidoc',
        line: 472,
        owner: 'Location.address',
        what: 'type',
        before: 'string(45)',
        after: 'string(255)',
      },
      {
        version: '2.2.1',
        file: 'mod_locations.asciidoc',
        line: 475,
        owner: 'Location.state',
        what: 'type',
        before: 'string(20)',
        after: 'string(45)',
      },
    ]);
    expect(renderErrataChanges(result.changes)).toEqual([
      '- 2.1.1 EVSE.images: link #48-image-class → #414-image-class (mod_locations.md, line 523)',
      '- 2.2.1 SignedValue.plain_data: string(512) → string(5000) (mod_cdrs.asciidoc, line 555)',
      '- 2.2.1 Location.address: string(45) → string(255) (mod_locations.asciidoc, line 472)',
      '- 2.2.1 Location.state: string(20) → string(45) (mod_locations.asciidoc, line 475)',
    ]);
  });

  it('applies them to the copy, keeping the tagged release line numbers', () => {
    expect(field(result.model, '2.2.1', 'Location', 'address')).toMatchObject({
      type: { kind: 'primitive', name: 'string', maxLength: 255 },
      cardinality: '1',
      line: 472,
    });
    expect(field(result.model, '2.2.1', 'Location', 'state').type).toMatchObject({ maxLength: 45 });
    expect(field(result.model, '2.2.1', 'SignedValue', 'plain_data').type).toMatchObject({ maxLength: 5000 });
    expect(field(result.model, '2.1.1', 'EVSE', 'images').type).toEqual({
      kind: 'ref',
      name: 'Image',
      link: { anchor: '414-image-class' },
      resolved: { module: 'Locations', kind: 'class' },
    });
    expect(result.model.versions['2.2.1'].unresolved).toEqual([]);
  });

  it('does not mutate the input model', () => {
    expect(model).toEqual(before);
    expect(field(model, '2.2.1', 'Location', 'address').type).toMatchObject({ maxLength: 45 });
    expect(result.model).not.toBe(model);
  });

  it('changes nothing else in the model but the diagnostics of the rewritten versions table', () => {
    const restored = structuredClone(result.model);
    for (const change of result.changes) {
      const [owner = '', name = ''] = change.owner.split('.');
      const original = field(before, change.version, owner, name);
      Object.assign(field(restored, change.version, owner, name), structuredClone(original));
    }
    // 2.1.1 errata turn the one-row "versions" property table into a type-only table: the
    // reader's note about skipping it goes away.
    expect(before.versions['2.1.1'].diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toContain(
      'skipped-table version_information_endpoint.md:26',
    );
    restored.versions['2.1.1'].diagnostics = before.versions['2.1.1'].diagnostics;
    expect(restored).toEqual(before);
  });

  it('reports rows whose description alone changed as no model change', () => {
    expect(
      result.descriptionOnly.map((note) => `${note.version} ${note.owner} ${note.file}:${note.line}`),
    ).toEqual([
      '2.1.1 RegularHours.period_begin mod_locations.md:994',
      '2.1.1 TariffRestrictions.start_time mod_tariffs.md:507',
      '2.2.1 CdrDimensionType.PARKING_TIME mod_cdrs.asciidoc:432',
      '2.2.1 CdrDimensionType.RESERVATION_TIME mod_cdrs.asciidoc:434',
      '2.2.1 CdrDimensionType.TIME mod_cdrs.asciidoc:436',
      '2.2.1 CdrLocation.evse_id mod_cdrs.asciidoc:467',
      '2.2.1 CdrToken.contract_id mod_cdrs.asciidoc:488',
      '2.2.1 ChargingRateUnit.W mod_charging_profiles.asciidoc:722',
      '2.2.1 ChargingRateUnit.A mod_charging_profiles.asciidoc:729',
      '2.2.1 EVSE.evse_id mod_locations.asciidoc:638',
    ]);
  });

  it('accounts for every hunk of both diffs', () => {
    for (const version of ['2.1.1', '2.2.1'] as const) {
      const diff = readFileSync(path.join(specDir, 'errata', ERRATA_FILES[version]), 'utf8');
      const headers = diff.split('\n').filter((line) => line.startsWith('@@ '));
      expect(result.hunks.filter((hunk) => hunk.version === version)).toHaveLength(headers.length);
    }
    const summary = result.hunks.map(
      (hunk) =>
        `${hunk.version} ${hunk.file}:${hunk.line} ${hunk.outcome} [${hunk.touches.join(',')}]` +
        `${hunk.example ? ' example' : ''}${hunk.fileInModel ? '' : ' (no module)'}`,
    );
    expect(summary).toEqual([
      '2.1.1 README.md:1 non-definition [prose] (no module)',
      '2.1.1 mod_cdrs.md:187 non-definition [table]',
      '2.1.1 mod_cdrs.md:292 non-definition [example] example',
      '2.1.1 mod_locations.md:342 non-definition [example] example',
      '2.1.1 mod_locations.md:520 model-change [definition]',
      '2.1.1 mod_locations.md:573 non-definition [prose]',
      '2.1.1 mod_locations.md:868 non-definition [prose]',
      '2.1.1 mod_locations.md:991 description-only [definition]',
      '2.1.1 mod_tariffs.md:504 description-only [definition]',
      '2.1.1 version_information_endpoint.md:23 non-definition [table]',
      '2.2.1 mod_cdrs.asciidoc:429 description-only [definition,prose]',
      '2.2.1 mod_cdrs.asciidoc:464 description-only [definition]',
      '2.2.1 mod_cdrs.asciidoc:485 description-only [definition]',
      '2.2.1 mod_cdrs.asciidoc:552 model-change [definition,prose]',
      '2.2.1 mod_charging_profiles.asciidoc:720 description-only [definition]',
      '2.2.1 mod_locations.asciidoc:469 model-change [definition]',
      '2.2.1 mod_locations.asciidoc:494 non-definition [prose]',
      '2.2.1 mod_locations.asciidoc:635 description-only [definition]',
      '2.2.1 mod_tariffs.asciidoc:924 non-definition [prose]',
      '2.2.1 mod_tariffs.asciidoc:1001 non-definition [prose]',
      '2.2.1 mod_tariffs.asciidoc:1009 non-definition [table]',
      '2.2.1 status_codes.asciidoc:9 non-definition [prose] (no module)',
    ]);
    expect(result.nonDefinition).toEqual(result.hunks.filter((hunk) => hunk.outcome === 'non-definition'));
    // Every applied change lies in a hunk reported as a model change.
    for (const change of result.changes) {
      const hunk = result.hunks.find(
        (candidate) =>
          candidate.version === change.version &&
          candidate.file === change.file &&
          change.line >= candidate.line &&
          change.line < candidate.line + candidate.lines,
      );
      expect(hunk?.outcome).toBe('model-change');
    }
  });

  it('gives the corrected text of a spec file, e.g. the 2.1.1 EVSE example with floor_level', () => {
    const exampleBody = (text: string): unknown => {
      const block = [...text.matchAll(/```json\n([\s\S]*?)```/g)]
        .map((match) => match[1] ?? '')
        .find((body) => body.includes('"uid": "3256"'));
      if (block === undefined) throw new Error('EVSE example not found');
      return JSON.parse(block.slice(block.indexOf('{')));
    };
    const tagged = readFileSync(path.join(specDir, '2.1.1', 'mod_locations.md'), 'utf8');
    const corrected = correctedSpecFile(specDir, '2.1.1', 'mod_locations.md');
    expect(exampleBody(tagged)).toMatchObject({ floor: -1 });
    expect(exampleBody(corrected)).toMatchObject({ uid: '3256', floor_level: -1 });
    expect(exampleBody(corrected)).not.toHaveProperty('floor');
  });

  it('fixes the trailing comma of the 2.1.1 CDR example', () => {
    const body = (text: string): string => /```json\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const tagged = readFileSync(path.join(specDir, '2.1.1', 'mod_cdrs.md'), 'utf8');
    expect(() => JSON.parse(body(tagged))).toThrow(SyntaxError);
    expect(JSON.parse(body(correctedSpecFile(specDir, '2.1.1', 'mod_cdrs.md')))).toHaveProperty('tariffs');
  });

  it('returns files the errata do not touch unchanged', () => {
    const tagged = readFileSync(path.join(specDir, '2.2.1', 'mod_sessions.asciidoc'), 'utf8');
    expect(correctedSpecFile(specDir, '2.2.1', 'mod_sessions.asciidoc')).toBe(tagged);
  });

  it('refuses a model that already has the errata', () => {
    expect(() => applyErrata(result.model, specDir)).toThrow(/does not match this file/);
  });
});

// ---------------------------------------------------------------------------------------------
// Made-up spec folders

const WIDGETS_MD = [
  '# Widgets module', // 1
  '',
  '### 3.1 _Widget_ Object',
  '',
  '| Property | Type                              | Card. | Description     |', // 5
  '|----------|-----------------------------------|-------|-----------------|',
  '| id       | string(36)                        | 1     | Made-up id.     |',
  '| name     | string(45)                        | ?     | Made-up name.   |',
  '| kind     | [WidgetKind](#41-widgetkind-enum) | ?     | Made-up kind.   |',
  '', // 10
  'Example:',
  '',
  '```json',
  '{ "id": "1", "nmae": "x" }',
  '```', // 15
  '',
  '### 4.1 WidgetKind *enum*',
  '',
  '| Value | Description |',
  '|-------|-------------|', // 20
  '| SMALL | Made-up.    |',
  '| LARGE | Made-up.    |',
  '',
].join('\n');

const GADGETS_ADOC = [
  '= Gadgets module', // 1
  '',
  '[[mod_gadgets_gadget_object]]',
  '==== _Gadget_ Object',
  '', // 5
  '[cols="3,2,1,10",options="header"]',
  '|===',
  '|Property |Type |Card. |Description',
  '|uid |string(36) |1 |Made-up id. +',
  'Continued description.', // 10
  '|size |int |? |Made-up size.',
  '|colour |<<mod_gadgets_colour_enum,Colour>> |* |Made-up colours.',
  '|===',
  '',
  '[[mod_gadgets_colour_enum]]', // 15
  '==== Colour _enum_',
  '',
  '[cols="2,10",options="header"]',
  '|===',
  '|Value |Description', // 20
  '|RED |Made-up.',
  '|GREN |Made-up.',
  '|===',
  '',
  '[source,json]', // 25
  '----',
  '{"uid": "1",}',
  '----',
  '',
].join('\n');

/** A `git diff` of one file; counts and new starts are computed from the hunk lines. */
function diffOf(file: string, hunks: readonly { at: number; lines: string[] }[]): string {
  const out = [
    `diff --git a/${file} b/${file}`,
    'index 1111111..2222222 100644',
    `--- a/${file}`,
    `+++ b/${file}`,
  ];
  let offset = 0;
  for (const { at, lines } of hunks) {
    const oldCount = lines.filter((line) => !line.startsWith('+')).length;
    const newCount = lines.filter((line) => !line.startsWith('-')).length;
    out.push(`@@ -${at},${oldCount} +${at + offset},${newCount} @@ made-up section`, ...lines);
    offset += newCount - oldCount;
  }
  return `${out.join('\n')}\n`;
}

const WIDGETS_ERRATA = diffOf('mod_widgets.md', [
  {
    at: 7,
    lines: [
      '-| id       | string(36)                        | 1     | Made-up id.     |',
      '-| name     | string(45)                        | ?     | Made-up name.   |',
      '+| id       | string(36)                        | 1     | Made-up identifier. |',
      '+| name     | string(255)                       | 1     | Made-up name.   |',
      ' | kind     | [WidgetKind](#41-widgetkind-enum) | ?     | Made-up kind.   |',
    ],
  },
  { at: 14, lines: ['-{ "id": "1", "nmae": "x" }', '+{ "id": "1", "name": "x" }', ' ```'] },
  { at: 21, lines: [' | SMALL | Made-up.    |', '+| MEDIUM | Made-up.   |', ' | LARGE | Made-up.    |'] },
]);

const GADGETS_ERRATA = diffOf('mod_gadgets.asciidoc', [
  { at: 1, lines: [' = Gadgets module', ' ', '+Made-up introduction.', ' [[mod_gadgets_gadget_object]]'] },
  {
    at: 9,
    lines: [
      ' |uid |string(36) |1 |Made-up id. +',
      '-Continued description.',
      '-|size |int |? |Made-up size.',
      '+Continued, corrected description.',
      ' |colour |<<mod_gadgets_colour_enum,Colour>> |* |Made-up colours.',
    ],
  },
  { at: 21, lines: [' |RED |Made-up.', '-|GREN |Made-up.', '+|GREEN |Made-up.', ' |===', ' '] },
  { at: 26, lines: [' ----', '-{"uid": "1",}', '+{"uid": "1"}', ' ----'] },
]);

const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function makeSpecDir(errata: { '2.1.1': string; '2.2.1': string }, widgets = WIDGETS_MD): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ocpi-errata-'));
  tempDirs.push(dir);
  for (const folder of ['2.1.1', '2.2.1', 'errata']) mkdirSync(path.join(dir, folder));
  writeFileSync(path.join(dir, '2.1.1', 'mod_widgets.md'), widgets);
  writeFileSync(path.join(dir, '2.2.1', 'mod_gadgets.asciidoc'), GADGETS_ADOC);
  writeFileSync(path.join(dir, 'errata', ERRATA_FILES['2.1.1']), errata['2.1.1']);
  writeFileSync(path.join(dir, 'errata', ERRATA_FILES['2.2.1']), errata['2.2.1']);
  return dir;
}

describe('applyErrata on made-up diffs', () => {
  const dir = makeSpecDir({ '2.1.1': WIDGETS_ERRATA, '2.2.1': GADGETS_ERRATA });
  const model = readSpec(dir);
  const result = applyErrata(model, dir);

  it('reads length, cardinality, added, removed and renamed rows in model terms', () => {
    expect(renderErrataChanges(result.changes)).toEqual([
      '- 2.1.1 Widget.name: string(45) → string(255) (mod_widgets.md, line 8)',
      '- 2.1.1 Widget.name: cardinality ? → 1 (mod_widgets.md, line 8)',
      '- 2.1.1 WidgetKind: value MEDIUM added (mod_widgets.md, line 22)',
      '- 2.2.1 Gadget.size: field removed (was int ?) (mod_gadgets.asciidoc, line 11)',
      '- 2.2.1 Colour: value GREN → GREEN (mod_gadgets.asciidoc, line 22)',
    ]);
    expect(result.descriptionOnly.map((note) => `${note.owner}:${note.line}`)).toEqual([
      'Widget.id:7',
      'Gadget.uid:9',
    ]);
  });

  it('patches the copy in place, an added value after its neighbour', () => {
    expect(enumModel(result.model, '2.1.1', 'WidgetKind').values).toEqual([
      { value: 'SMALL', line: 21 },
      { value: 'MEDIUM', line: 22 },
      { value: 'LARGE', line: 22 },
    ]);
    expect(field(result.model, '2.1.1', 'Widget', 'name')).toEqual({
      name: 'name',
      type: { kind: 'primitive', name: 'string', maxLength: 255 },
      cardinality: '1',
      line: 8,
    });
    expect(object(result.model, '2.2.1', 'Gadget').fields.map((f) => `${f.name}:${f.line}`)).toEqual([
      'uid:9',
      'colour:12',
    ]);
    expect(enumModel(result.model, '2.2.1', 'Colour').values.map((v) => v.value)).toEqual(['RED', 'GREEN']);
    expect(enumModel(model, '2.2.1', 'Colour').values.map((v) => v.value)).toEqual(['RED', 'GREN']);
  });

  it('lists prose and example hunks', () => {
    expect(
      result.nonDefinition.map((hunk) => `${hunk.file}:${hunk.line} ${hunk.touches} ${hunk.example}`),
    ).toEqual([
      'mod_widgets.md:14 example true',
      'mod_gadgets.asciidoc:1 prose false',
      'mod_gadgets.asciidoc:26 example true',
    ]);
    expect(result.hunks).toHaveLength(7);
  });

  it('throws when a context line does not match the spec file', () => {
    const wrong = diffOf('mod_widgets.md', [
      {
        at: 8,
        lines: ['-| name     | string(40)                        | ?     | Made-up name.   |', '+| name |'],
      },
    ]);
    const badDir = makeSpecDir({ '2.1.1': wrong, '2.2.1': '' });
    expect(() => applyErrata(readSpec(badDir), badDir)).toThrow(ErrataError);
    expect(() => correctedSpecFile(badDir, '2.1.1', 'mod_widgets.md')).toThrow(ErrataError);
    expect(() => correctedSpecFile(badDir, '2.1.1', 'mod_widgets.md')).toThrow(
      /2\.1\.1\/mod_widgets\.md, hunk @@ -8,1 \+8,1 @@: line 8 is "\| name +\| string\(45\).*the diff expects "\| name +\| string\(40\).*\(the errata do not fit this spec text\)/,
    );
  });

  it('throws on an erratum it cannot express as row changes', () => {
    const renamed = diffOf('mod_widgets.md', [
      { at: 3, lines: ['-### 3.1 _Widget_ Object', '+### 3.1 _Gizmo_ Object'] },
    ]);
    const renamedDir = makeSpecDir({ '2.1.1': renamed, '2.2.1': '' });
    expect(() => applyErrata(readSpec(renamedDir), renamedDir)).toThrow(
      /still differs from the corrected file/,
    );
  });
});
