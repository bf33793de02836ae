// OCPI 2.1.1 fields tied to ISO code lists (scripts/codegen/iso-fields.ts): strict refuses a wrong shape
// and an unassigned code at the field's path, wherever its object is nested; lenient keeps the value and
// reports it with that path. 2.1.1 ties no party country_code to a list (credentials.md).
import { parsePayload } from '@org/ocpi';
import {
  type CDR,
  CDRSchema,
  CredentialsSchema,
  LocationSchema,
  SessionSchema,
  TariffSchema,
  TokenSchema,
} from '@org/ocpi/v211';
import { describe, expect, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { lazyExample211, lenientData, strictIssues, withValue } from '../support/v211-payloads';
import { readExample211 } from '../support/v211-spec';

const ALPHA_3 = 'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)';
const CURRENCY = 'must be an assigned ISO 4217 currency code (three upper-case letters)';
const LANGUAGE = 'must be an assigned ISO 639-1 language code (two lower-case letters)';

const location = lazyExample211(LocationSchema, 'mod_locations.md', 5);
const tariff = lazyExample211(TariffSchema, 'mod_tariffs.md', 2);
const token = lazyExample211(TokenSchema, 'mod_tokens.md', 2);
// The spec's CDR, with the two values it gets wrong corrected (see examples.test.ts).
const cdr = fromSpec((): CDR => {
  const example = readExample211('mod_cdrs.md', 0, { from: 'body' });
  const fixed = withValue(
    withValue(example, 'tariffs[0].elements[0].price_components[0].price', 2),
    'location.country',
    'BEL',
  );
  const result = parsePayload(CDRSchema, fixed, { mode: 'strict', subject: 'CDR' });
  if (!result.success) throw result.error;
  return result.data;
});

const withDirections = (language: string) =>
  withValue(location(), 'evses[0].directions', [{ language, text: 'Ga naar links' }]);
const withTariff = (currency: string) => withValue(cdr(), 'tariffs', [{ ...tariff(), currency }]);

describe('ISO codes in 2.1.1, strict', () => {
  it.each([
    ['a Location country', LocationSchema, location, 'country', ALPHA_3],
    ['the country of the Location inside a CDR', CDRSchema, cdr, 'location.country', ALPHA_3],
    ['a Tariff currency', TariffSchema, tariff, 'currency', CURRENCY],
    ['a CDR currency', CDRSchema, cdr, 'currency', CURRENCY],
    ['a Token language', TokenSchema, token, 'language', LANGUAGE],
  ] as const)('refuses a wrong shape and an unassigned code in %s', (_, schema, valid, path, message) => {
    const [wrongShape, unassigned] =
      message === LANGUAGE ? ['EN', 'qq'] : message === CURRENCY ? ['eur', 'EEE'] : ['DE', 'AAA'];
    for (const value of [wrongShape, unassigned]) {
      expect(strictIssues(schema, withValue(valid(), path, value)), value).toEqual([{ path, message }]);
    }
  });

  it('refuses "DE" as a Location country and takes "DEU"', () => {
    expect(strictIssues(LocationSchema, withValue(location(), 'country', 'DEU'))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), 'country', 'DE'))).toEqual([
      { path: 'country', message: ALPHA_3 },
    ]);
  });

  it('checks the language of DisplayText inside the directions of an EVSE inside a Location', () => {
    expect(strictIssues(LocationSchema, withDirections('nl'))).toEqual([]);
    expect(strictIssues(LocationSchema, withDirections('NL'))).toEqual([
      { path: 'evses[0].directions[0].language', message: LANGUAGE },
    ]);
  });

  it('checks the currency of a Tariff inside a CDR, and of a Session', () => {
    expect(strictIssues(CDRSchema, withTariff('CHF'))).toEqual([]);
    expect(strictIssues(CDRSchema, withTariff('EEE'))).toEqual([
      { path: 'tariffs[0].currency', message: CURRENCY },
    ]);
    expect(SessionSchema.shape.currency.safeParse('EUR').success).toBe(true);
    expect(SessionSchema.shape.currency.safeParse('EUX').success).toBe(false);
  });

  it('leaves the Credentials country_code a plain string(2): 2.1.1 names no ISO list for it', () => {
    expect(CredentialsSchema.shape.country_code.safeParse('N1').success).toBe(true);
  });
});

describe('ISO codes in 2.1.1, lenient', () => {
  it('keeps a wrong country, a nested wrong language and currency as sent, and reports each with its path', () => {
    const input = withValue(withDirections('NL'), 'country', 'DE');
    const { data, issues } = lenientData(LocationSchema, input);
    expect(data).toEqual(input);
    expect(issues).toEqual([
      { path: 'country', action: 'kept', message: `${ALPHA_3} (kept)` },
      { path: 'evses[0].directions[0].language', action: 'kept', message: `${LANGUAGE} (kept)` },
    ]);
    const cdrInput = withTariff('eur');
    expect(lenientData(CDRSchema, cdrInput)).toEqual({
      data: cdrInput,
      issues: [{ path: 'tariffs[0].currency', action: 'kept', message: `${CURRENCY} (kept)` }],
    });
  });
});
