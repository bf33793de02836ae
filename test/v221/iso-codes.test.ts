// OCPI 2.2.1 fields tied to ISO code lists (scripts/codegen/iso-fields.ts): strict refuses a wrong shape
// and an unassigned code at the field's path, wherever its object is nested; lenient keeps the value and
// reports it with that path.
import {
  CDRSchema,
  ClientInfoSchema,
  CredentialsSchema,
  LocationSchema,
  SessionSchema,
  TariffSchema,
  TokenSchema,
} from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { lazyExample, lenientData, strictIssues, withValue } from '../support/v221-payloads';

const ALPHA_3 = 'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)';
const ALPHA_2 = 'must be an assigned ISO 3166-1 alpha-2 country code (two letters)';
const CURRENCY = 'must be an assigned ISO 4217 currency code (three upper-case letters)';
const LANGUAGE = 'must be an assigned ISO 639-1 language code (two lower-case letters)';

const location = lazyExample(LocationSchema, 'location_example.json');
const cdr = lazyExample(CDRSchema, 'cdr_example.json');
const tariff = lazyExample(TariffSchema, 'tariff_1_simple_2hour.json');
const session = lazyExample(SessionSchema, 'session_example_2_short_finished.json');
const token = lazyExample(TokenSchema, 'token_example_2_full_rfid.json');

// A Location whose first EVSE gives directions, and a CDR that carries a Tariff: the nested cases.
const withDirections = (language: string) =>
  withValue(location(), 'evses[0].directions', [{ language, text: 'Ga naar links' }]);
const withTariff = (currency: string) => withValue(cdr(), 'tariffs', [{ ...tariff(), currency }]);

describe('ISO codes in 2.2.1, strict', () => {
  it.each([
    ['a Location country', LocationSchema, location, 'country', ALPHA_3],
    ['a CDR location country', CDRSchema, cdr, 'cdr_location.country', ALPHA_3],
    ['a Tariff currency', TariffSchema, tariff, 'currency', CURRENCY],
    ['a CDR currency', CDRSchema, cdr, 'currency', CURRENCY],
    ['a Session currency', SessionSchema, session, 'currency', CURRENCY],
    ['a Token language', TokenSchema, token, 'language', LANGUAGE],
  ] as const)(
    'refuses an alpha-2 or lower-case shape and an unassigned code in %s',
    (_, schema, valid, path, message) => {
      const [wrongShape, unassigned] =
        message === LANGUAGE ? ['EN', 'qq'] : message === CURRENCY ? ['eur', 'EEE'] : ['DE', 'AAA'];
      for (const value of [wrongShape, unassigned]) {
        expect(strictIssues(schema, withValue(valid(), path, value)), value).toEqual([{ path, message }]);
      }
    },
  );

  it('refuses "DE" and "deu" as a Location country, and takes "DEU"', () => {
    expect(strictIssues(LocationSchema, withValue(location(), 'country', 'DEU'))).toEqual([]);
    for (const value of ['DE', 'deu', 'D1U', 'XYZ']) {
      expect(strictIssues(LocationSchema, withValue(location(), 'country', value)), value).toEqual([
        { path: 'country', message: ALPHA_3 },
      ]);
    }
  });

  it('checks the language of DisplayText inside the directions of an EVSE inside a Location', () => {
    expect(strictIssues(LocationSchema, withDirections('nl'))).toEqual([]);
    for (const value of ['NL', 'qq', 'n1']) {
      expect(strictIssues(LocationSchema, withDirections(value)), value).toEqual([
        { path: 'evses[0].directions[0].language', message: LANGUAGE },
      ]);
    }
  });

  it('checks the currency of a Tariff inside a CDR', () => {
    expect(strictIssues(CDRSchema, withTariff('CHF'))).toEqual([]);
    expect(strictIssues(CDRSchema, withTariff('EEE'))).toEqual([
      { path: 'tariffs[0].currency', message: CURRENCY },
    ]);
  });

  it('takes a party country_code in any case, as a CiString, but only two letters (shape only)', () => {
    for (const value of ['NL', 'nl', 'Nl', 'ZZ']) {
      expect(strictIssues(LocationSchema, withValue(location(), 'country_code', value)), value).toEqual([]);
    }
    expect(strictIssues(LocationSchema, withValue(location(), 'country_code', 'N1'))).toEqual([
      { path: 'country_code', message: ALPHA_2 },
    ]);
    expect(strictIssues(CDRSchema, withValue(cdr(), 'cdr_token.country_code', '1'))).toEqual([
      { path: 'cdr_token.country_code', message: ALPHA_2 },
    ]);
    for (const schema of [TariffSchema, SessionSchema, TokenSchema, ClientInfoSchema]) {
      expect(schema.shape.country_code.safeParse('D_').success).toBe(false);
    }
  });

  it('checks the country_code of each role of a Credentials object', () => {
    const credentials = {
      token: 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2',
      url: 'https://example.com/ocpi/versions/',
      roles: [
        {
          role: 'CPO',
          party_id: 'EXA',
          country_code: 'N-',
          business_details: { name: 'Example Operator' },
        },
      ],
    };
    expect(strictIssues(CredentialsSchema, credentials)).toEqual([
      { path: 'roles[0].country_code', message: ALPHA_2 },
    ]);
  });
});

describe('ISO codes in 2.2.1, lenient', () => {
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
