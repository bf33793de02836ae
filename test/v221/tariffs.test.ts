// OCPI 2.2.1 Tariffs (mod_tariffs.asciidoc): the Tariff schema on a mutated spec example, in strict and
// lenient mode, the operation map (2.2.1 has no Tariff PATCH) and the types.
import * as api from '@org/ocpi/v221';
import {
  DayOfWeekValues,
  type DisplayText,
  ListQuerySchema,
  Operations,
  type Price,
  type PriceComponent,
  type Tariff,
  type TariffDimensionType,
  type TariffElement,
  type TariffRestrictions,
  TariffSchema,
  TariffsOperations,
  type TariffType,
  TariffTypeValues,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  enumMessage,
  lazyExample,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const complex = lazyExample(TariffSchema, 'tariff_4_complex.json');

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
    value: 'max 32 A',
    message: 'expected object, received string',
  },
  nullOptional: { path: 'tariff_alt_url' },
  unknownFieldIn: 'elements[0].price_components[0]',
  lenientDrops: { badEnum: 'elements[2].restrictions.day_of_week[4]', wrongType: 'elements[1].restrictions' },
  idPath: 'id',
});

describe('Tariff: what the spec tables add', () => {
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

  it('takes the 2.2.1 tariff types, reservation restrictions and prices, and refuses a fractional step_size', () => {
    expect(strictIssues(TariffSchema, withValue(complex(), 'type', 'PROFILE_GREEN'))).toEqual([]);
    expect(strictIssues(TariffSchema, withValue(complex(), 'type', 'CHEAP'))).toEqual([
      { path: 'type', message: enumMessage(TariffTypeValues) },
    ]);
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[1].restrictions.reservation', 'RESERVATION')),
    ).toEqual([]);
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'max_price', { excl_vat: 10, incl_vat: 12.1 })),
    ).toEqual([]);
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[0].price_components[0].step_size', 0.5)),
    ).toEqual([
      { path: 'elements[0].price_components[0].step_size', message: 'expected int, received number' },
    ]);
  });

  it('refuses a price given as a string deep in an element', () => {
    expect(
      strictIssues(TariffSchema, withValue(complex(), 'elements[5].price_components[0].price', '6.00')),
    ).toEqual([
      { path: 'elements[5].price_components[0].price', message: 'expected number, received string' },
    ]);
  });
});

describe('TariffsOperations (mod_tariffs.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_tariffs.asciidoc'));

  it('offers the methods the interface tables list: Sender GET; Receiver GET, PUT, DELETE and no PATCH', () => {
    expect(spec()).toEqual({ sender: ['GET'], receiver: ['DELETE', 'GET', 'PUT'] });
    expect(methodsOf(TariffsOperations.sender)).toEqual(spec().sender);
    expect(methodsOf(TariffsOperations.receiver)).toEqual(spec().receiver);
    expect(Operations.tariffs).toBe(TariffsOperations);
  });

  it('has the paginated list on the Sender and GET, PUT, DELETE on {country_code}/{party_id}/{tariff_id}', () => {
    const tariff = '{endpoint}/{country_code}/{party_id}/{tariff_id}';
    expect(summarise(TariffsOperations.sender)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(summarise(TariffsOperations.receiver)).toEqual({
      getTariff: `GET ${tariff}`,
      putTariff: `PUT ${tariff}`,
      deleteTariff: `DELETE ${tariff}`,
    });
    expect(TariffsOperations.sender.list.query).toBe(ListQuerySchema);
    expect(elementOf(TariffsOperations.sender.list.response)).toBe(TariffSchema);
    expect(TariffsOperations.receiver.getTariff.response).toBe(TariffSchema);
    expect(TariffsOperations.receiver.putTariff.request).toBe(TariffSchema);
    expect(TariffsOperations.receiver.deleteTariff).not.toHaveProperty('request');
  });

  it('exports no Tariff PATCH body, since 2.2.1 has no Tariff PATCH', () => {
    expect(Object.keys(api).filter((name) => /^Tariff.*Patch/.test(name))).toEqual([]);
    // @ts-expect-error: the Receiver has no patchTariff
    const patch = TariffsOperations.receiver.patchTariff;
    expect(patch).toBeUndefined();
  });
});

describe('Tariffs types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(complex).returns.toEqualTypeOf<Tariff>();
    expectTypeOf<Tariff['elements']>().toEqualTypeOf<TariffElement[]>();
    expectTypeOf<Tariff['tariff_alt_text']>().toEqualTypeOf<DisplayText[] | undefined>();
    expectTypeOf<Tariff['type']>().toEqualTypeOf<TariffType | undefined>();
    expectTypeOf<Tariff['min_price']>().toEqualTypeOf<Price | undefined>();
    expectTypeOf<TariffElement['price_components']>().toEqualTypeOf<PriceComponent[]>();
    expectTypeOf<TariffElement['restrictions']>().toEqualTypeOf<TariffRestrictions | undefined>();
    expectTypeOf<PriceComponent['step_size']>().toEqualTypeOf<number>();
    expectTypeOf<TariffDimensionType>().toEqualTypeOf<'ENERGY' | 'FLAT' | 'PARKING_TIME' | 'TIME'>();
    expectTypeOf<TariffType>().toEqualTypeOf<
      'AD_HOC_PAYMENT' | 'PROFILE_CHEAP' | 'PROFILE_FAST' | 'PROFILE_GREEN' | 'REGULAR'
    >();
    expectTypeOf<RequiredKeys<Tariff>>().toEqualTypeOf<
      'country_code' | 'party_id' | 'id' | 'currency' | 'elements' | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<TariffRestrictions>>().toEqualTypeOf<never>();
    expect(complex().elements).toHaveLength(6);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: a Tariff dimension is not a CDR dimension
    const dimension: TariffDimensionType = 'MAX_POWER';
    // @ts-expect-error: elements is a list of TariffElement objects
    const tariff: Tariff = { ...complex(), elements: [{ price: 2 }] };
    expect(
      TariffSchema.safeParse(withValue(complex(), 'elements[0].price_components[0].type', dimension)).success,
    ).toBe(false);
    expect(TariffSchema.safeParse(tariff).success).toBe(false);
  });
});
