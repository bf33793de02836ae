// OCPI 2.1.1 Tariffs (mod_tariffs.md): the Tariff schema on a mutated spec example, in strict and lenient
// mode, the 2.1.1 shape, the PATCH body (2.1.1 has a Tariff PATCH, 2.2.1 dropped it), the operation map
// and the types.
import {
  type DayOfWeek,
  DayOfWeekValues,
  type DisplayText,
  type EnergyMix,
  ListQuerySchema,
  Operations,
  type PriceComponent,
  type Tariff,
  type TariffDimensionType,
  TariffDimensionTypeValues,
  type TariffElement,
  type TariffPatch,
  TariffPatchSchema,
  type TariffRestrictions,
  TariffSchema,
  TariffsOperations,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  describePatch211,
  enumMessage,
  lazyExample211,
  lenientData,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const complex = lazyExample211(TariffSchema, 'mod_tariffs.md', 5);
const altText = lazyExample211(TariffSchema, 'mod_tariffs.md', 3);
const free = lazyExample211(TariffSchema, 'mod_tariffs.md', 6);

describeMutations({
  name: 'Tariff',
  schema: TariffSchema,
  valid: complex,
  missing: { path: 'elements[2].price_components[0].price', message: 'required number is missing' },
  tooLong: { path: 'id', max: 36 },
  badEnum: { path: 'elements[2].restrictions.day_of_week[4]', values: DayOfWeekValues, required: false },
  timestamp: { path: 'last_updated', withOffset: '2015-06-29T22:39:09+02:00', utc: '2015-06-29T20:39:09Z' },
  wrongType: {
    path: 'elements[1].restrictions',
    value: 'max 32 kW',
    message: 'expected object, received string',
  },
  nullOptional: { path: 'tariff_alt_url' },
  unknownFieldIn: 'elements[0].price_components[0]',
  lenientDrops: { badEnum: 'elements[2].restrictions.day_of_week[4]', wrongType: 'elements[1].restrictions' },
  idPath: 'id',
});

describe('Tariff: what the 2.1.1 spec tables add', () => {
  it('refuses a Tariff without elements and an element without price components (cardinality +)', () => {
    expect(strictIssues(TariffSchema, withValue(complex(), 'elements', []))).toEqual([
      { path: 'elements', message: 'must have at least 1 item' },
    ]);
    expect(strictIssues(TariffSchema, withValue(complex(), 'elements[3].price_components', []))).toEqual([
      { path: 'elements[3].price_components', message: 'must have at least 1 item' },
    ]);
  });

  it('takes a currency of 3 characters and refuses 4 (string(3), ISO 4217)', () => {
    expect(strictIssues(TariffSchema, withValue(complex(), 'currency', 'EURO'))).toEqual([
      { path: 'currency', message: tooLongMessage(3) },
      { path: 'currency', message: 'must be an assigned ISO 4217 currency code (three upper-case letters)' },
    ]);
  });

  it('takes the alternative text in several languages and a free tariff with step_size 0', () => {
    expect(altText().tariff_alt_text?.map((text) => text.language)).toEqual(['en', 'nl']);
    expect(free().elements[0]?.price_components[0]).toEqual({ type: 'FLAT', price: 0, step_size: 0 });
    expect(strictIssues(TariffSchema, withValue(altText(), 'tariff_alt_text[1].language', 'nld'))).toEqual([
      { path: 'tariff_alt_text[1].language', message: tooLongMessage(2) },
      {
        path: 'tariff_alt_text[1].language',
        message: 'must be an assigned ISO 639-1 language code (two lower-case letters)',
      },
    ]);
  });

  it('refuses a fractional step_size and a price given as a string deep in an element', () => {
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[0].price_components[0].step_size', 0.5)),
    ).toEqual([
      { path: 'elements[0].price_components[0].step_size', message: 'expected int, received number' },
    ]);
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[5].price_components[0].price', '6.00')),
    ).toEqual([
      { path: 'elements[5].price_components[0].price', message: 'expected number, received string' },
    ]);
  });

  it('checks restriction times as HH:MM up to 23:59 (errata regex) and dates as YYYY-MM-DD', () => {
    const restricted = (restrictions: Record<string, unknown>) =>
      withValue(complex(), 'elements[4].restrictions', restrictions);
    expect(strictIssues(TariffSchema, restricted({ start_time: '00:00', end_time: '23:59' }))).toEqual([]);
    expect(strictIssues(TariffSchema, restricted({ start_time: '24:00', end_time: '9:00' }))).toEqual([
      { path: 'elements[4].restrictions.start_time', message: 'must be a 24-hour time like 13:30' },
      { path: 'elements[4].restrictions.end_time', message: 'must be a 24-hour time like 13:30' },
    ]);
    const dates = restricted({ start_date: '2015-12-24', end_date: '27-12-2015' });
    expect(strictIssues(TariffSchema, dates)).toEqual([
      { path: 'elements[4].restrictions.end_date', message: 'must be a date like 2015-12-24' },
    ]);
    expect(lenientData(TariffSchema, dates)).toMatchObject({
      data: dates,
      issues: [{ path: 'elements[4].restrictions.end_date', action: 'kept' }],
    });
  });

  it('has none of the 2.2.1 fields: type, country_code, party_id, min_price, reservation restrictions', () => {
    expect(
      strictIssues(TariffSchema, {
        ...complex(),
        type: 'REGULAR',
        party_id: 'BEC',
        min_price: { excl_vat: 1 },
      }),
    ).toEqual([
      { path: 'type', message: 'unknown field' },
      { path: 'party_id', message: 'unknown field' },
      { path: 'min_price', message: 'unknown field' },
    ]);
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[1].restrictions.reservation', 'RESERVATION')),
    ).toEqual([{ path: 'elements[1].restrictions.reservation', message: 'unknown field' }]);
  });

  it('refuses a dimension type the spec does not list', () => {
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[0].price_components[0].type', 'ENERGY_KWH')),
    ).toEqual([
      { path: 'elements[0].price_components[0].type', message: enumMessage(TariffDimensionTypeValues) },
    ]);
  });
});

describe('Tariff PATCH (mod_tariffs.md, eMSP PATCH: 2.1.1 only)', () => {
  describePatch211({
    name: 'Tariff PATCH',
    schema: TariffPatchSchema,
    object: TariffSchema,
    // "Example: Change Tariff to 2,50", under 2.2.3 PATCH Method, whose request line says PUT.
    valid: lazyExample211(TariffPatchSchema, 'mod_tariffs.md', 1, { from: 'request', method: 'PUT' }),
    partial: { currency: 'USD', tariff_alt_url: 'https://company.com/tariffs/12' },
    invalid: {
      path: 'elements[0].price_components[0].step_size',
      value: 1.5,
      message: 'expected int, received number',
    },
  });

  it('takes new elements, each checked completely', () => {
    expect(strictIssues(TariffPatchSchema, { elements: complex().elements })).toEqual([]);
    expect(strictIssues(TariffPatchSchema, { elements: [{ restrictions: {} }] })).toEqual([
      { path: 'elements[0].price_components', message: 'required array is missing' },
    ]);
  });
});

describe('TariffsOperations (mod_tariffs.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_tariffs.md'));

  it('offers the methods the interface tables list: CPO GET; eMSP GET, PUT, PATCH, DELETE', () => {
    expect(spec()).toEqual({ cpo: ['GET'], emsp: ['DELETE', 'GET', 'PATCH', 'PUT'] });
    expect(methodsOf(TariffsOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(TariffsOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.tariffs).toBe(TariffsOperations);
  });

  it('has the paginated list on the CPO and GET, PUT, PATCH, DELETE on {country_code}/{party_id}/{tariff_id}', () => {
    const tariff = '{endpoint}/{country_code}/{party_id}/{tariff_id}';
    expect(summarise(TariffsOperations.cpo)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(summarise(TariffsOperations.emsp)).toEqual({
      getTariff: `GET ${tariff}`,
      putTariff: `PUT ${tariff}`,
      patchTariff: `PATCH ${tariff}`,
      deleteTariff: `DELETE ${tariff}`,
    });
    expect(TariffsOperations.cpo.list.query).toBe(ListQuerySchema);
    expect(elementOf(TariffsOperations.cpo.list.response)).toBe(TariffSchema);
    expect(TariffsOperations.emsp.getTariff.response).toBe(TariffSchema);
    expect(TariffsOperations.emsp.putTariff.request).toBe(TariffSchema);
    expect(TariffsOperations.emsp.patchTariff.request).toBe(TariffPatchSchema);
    expect(TariffsOperations.emsp.deleteTariff).not.toHaveProperty('request');
    expect(TariffsOperations.emsp.deleteTariff).not.toHaveProperty('response');
  });
});

describe('Tariffs types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(complex).returns.toEqualTypeOf<Tariff>();
    expectTypeOf<Tariff['elements']>().toEqualTypeOf<TariffElement[]>();
    expectTypeOf<Tariff['tariff_alt_text']>().toEqualTypeOf<DisplayText[] | undefined>();
    expectTypeOf<Tariff['energy_mix']>().toEqualTypeOf<EnergyMix | undefined>();
    expectTypeOf<TariffElement['price_components']>().toEqualTypeOf<PriceComponent[]>();
    expectTypeOf<TariffElement['restrictions']>().toEqualTypeOf<TariffRestrictions | undefined>();
    expectTypeOf<TariffRestrictions['day_of_week']>().toEqualTypeOf<DayOfWeek[] | undefined>();
    expectTypeOf<PriceComponent['step_size']>().toEqualTypeOf<number>();
    expectTypeOf<TariffDimensionType>().toEqualTypeOf<'ENERGY' | 'FLAT' | 'PARKING_TIME' | 'TIME'>();
    expectTypeOf<RequiredKeys<Tariff>>().toEqualTypeOf<'id' | 'currency' | 'elements' | 'last_updated'>();
    expectTypeOf<RequiredKeys<TariffRestrictions>>().toEqualTypeOf<never>();
    expectTypeOf<RequiredKeys<TariffPatch>>().toEqualTypeOf<never>();
    expect(complex().elements).toHaveLength(6);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: a DayOfWeek is spelled out
    const day: DayOfWeek = 'MON';
    // @ts-expect-error: the tariff type is a 2.2.1 field
    const typed: Tariff = { ...complex(), type: 'REGULAR' };
    // @ts-expect-error: elements is a list of TariffElement objects
    const patch: TariffPatch = { elements: [{ price: 2 }] };
    expect(
      TariffSchema.safeParse(withValue(complex(), 'elements[2].restrictions.day_of_week[0]', day)).success,
    ).toBe(false);
    expect(TariffSchema.safeParse(typed).success).toBe(false);
    expect(TariffPatchSchema.safeParse(patch).success).toBe(false);
  });
});
