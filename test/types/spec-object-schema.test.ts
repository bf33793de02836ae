// A generated schema is declared with a named type (SpecObjectSchema, EnumObject) but stays an ordinary
// zod/mini schema: its shape, zod's object helpers and a check on top keep working and keep their
// types, and a parsed value is the spec object's own type.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  LocationPatchSchema as LocationPatchSchema211,
  LocationSchema as LocationSchema211,
} from '../../src/v211';
import {
  type Connector,
  ConnectorSchema,
  type ConnectorType,
  ConnectorTypeSchema,
  DateTimeSchema,
  type EVSE,
  type EVSESchema,
  type Location,
  LocationPatchSchema,
  LocationSchema,
} from '../../src/v221';

const connector: Connector = {
  id: '1',
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 16,
  last_updated: '2024-06-01T12:00:00Z',
};

describe('a generated object schema', () => {
  it('parses to the object type, nested objects by name', () => {
    expectTypeOf(ConnectorSchema.parse).returns.toEqualTypeOf<Connector>();
    expectTypeOf(LocationSchema.parse).returns.toEqualTypeOf<Location>();
    expectTypeOf<z.output<typeof EVSESchema>>().toEqualTypeOf<EVSE>();
    expectTypeOf<Location['evses']>().toEqualTypeOf<EVSE[] | undefined>();
    expectTypeOf<EVSE['connectors']>().toEqualTypeOf<Connector[]>();
    expect(ConnectorSchema.parse(connector)).toEqual(connector);
  });

  it('keeps its shape and works with z.pick, z.partial, z.extend and a check', () => {
    expect(Object.keys(ConnectorSchema.shape)).toContain('standard');
    expectTypeOf(ConnectorSchema.shape.standard).toEqualTypeOf(ConnectorTypeSchema);

    const picked = z.pick(ConnectorSchema, { id: true, standard: true });
    expectTypeOf(picked.parse).returns.toEqualTypeOf<{ id: string; standard: ConnectorType }>();
    expect(picked.parse({ id: '1', standard: 'CHADEMO' })).toEqual({ id: '1', standard: 'CHADEMO' });

    const partial = z.partial(ConnectorSchema);
    expectTypeOf(partial.parse).returns.toEqualTypeOf<
      Partial<{ [K in keyof Connector]: Connector[K] | undefined }>
    >();
    expect(partial.parse({ id: '2' })).toEqual({ id: '2' });

    const extended = z.extend(ConnectorSchema, { note: z.string() });
    expectTypeOf(extended.parse).returns.toExtend<Connector>();
    expectTypeOf(extended.parse).returns.toHaveProperty('note').toEqualTypeOf<string>();
    expect(extended.parse({ ...connector, note: 'x' }).note).toBe('x');

    const checked = ConnectorSchema.check(z.refine((value) => value.max_voltage > 0));
    expectTypeOf(checked).toEqualTypeOf(ConnectorSchema);
    expect(checked.safeParse({ ...connector, max_voltage: 0 }).success).toBe(false);
  });
});

describe('a PATCH schema', () => {
  it('types what zod itself makes of the object, under the name of its shape', () => {
    // Only typed, never run: z.partial refuses an object that carries checks, as LocationSchema does.
    const spelledOut = () => z.extend(z.partial(LocationSchema), { last_updated: DateTimeSchema });
    type SpelledOut = ReturnType<typeof spelledOut>;
    expectTypeOf<z.output<typeof LocationPatchSchema>>().toEqualTypeOf<z.output<SpelledOut>>();
    expectTypeOf<z.input<typeof LocationPatchSchema>>().toEqualTypeOf<z.input<SpelledOut>>();
    expect(Object.keys(LocationPatchSchema.shape).sort()).toEqual(Object.keys(LocationSchema.shape).sort());
  });

  it('of 2.1.1 types what z.partial makes of the object', () => {
    const spelledOut = () => z.partial(LocationSchema211);
    type SpelledOut = ReturnType<typeof spelledOut>;
    expectTypeOf<z.output<typeof LocationPatchSchema211>>().toEqualTypeOf<z.output<SpelledOut>>();
    expectTypeOf<z.input<typeof LocationPatchSchema211>>().toEqualTypeOf<z.input<SpelledOut>>();
    expect(Object.keys(LocationPatchSchema211.shape)).toEqual(Object.keys(LocationSchema211.shape));
  });
});

describe('a generated enum schema', () => {
  it('parses to the enum type and lists its values', () => {
    expectTypeOf(ConnectorTypeSchema.parse).returns.toEqualTypeOf<ConnectorType>();
    expect(ConnectorTypeSchema.options).toContain('IEC_62196_T2');
    expect(ConnectorTypeSchema.safeParse('NOT_A_PLUG').success).toBe(false);
  });
});
