// checkSchema reads a schema's verdict through its Standard Schema interface instead of safeParse (whose
// failure results cost a list of millions of bad items most of its time): it must give exactly what
// safeParse gives, issues included, since lenient parsing decides each repair from them.
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkSchema } from '../../../src/common/schema/check-schema';
import { location221 } from '../../support/ocpi-responses';

const connector = {
  id: '1',
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 16,
  last_updated: '2024-06-01T12:00:00Z',
};

const inputs: [string, unknown][] = [
  ['a valid Location', location221('A')],
  ['a number', 0],
  ['null', null],
  ['unknown fields', { ...location221('B'), vendor: 1, colour: 2 }],
  [
    'a null, an unknown enum value and an offset timestamp',
    {
      ...location221('C'),
      parking_type: 'ROOFTOP',
      name: null,
      last_updated: '2024-06-01T14:00:00+02:00',
    },
  ],
  ['a missing required field', { ...location221('D'), address: undefined }],
  [
    'a nested EVSE with a bad connector',
    {
      ...location221('E'),
      evses: [
        {
          uid: 'E1',
          status: 'AVAILABLE',
          connectors: [{ ...connector, max_voltage: 'high' }],
          last_updated: '2024-06-01T12:00:00Z',
        },
      ],
    },
  ],
];

describe('checkSchema', () => {
  it.each(inputs)('gives what safeParse gives, issues included: %s', (_, input) => {
    const parsed = v221.LocationSchema.safeParse(input);
    const checked = checkSchema(v221.LocationSchema, input);
    if (parsed.success) {
      expect(checked).toEqual({ value: parsed.data });
    } else {
      expect(parsed.error.issues.length).toBeGreaterThan(0);
      expect(checked).toEqual({ issues: parsed.error.issues });
    }
  });

  it('keeps the output of transforms, as safeParse does', () => {
    const schema = z.pipe(
      z.string(),
      z.transform((text) => text.length),
    );
    expect(checkSchema(schema, 'four')).toEqual({ value: 4 });
  });

  it('throws where safeParse throws: an async check', () => {
    const schema = z.string().check(z.refine(async () => true));
    expect(() => schema.safeParse('x')).toThrow();
    expect(() => checkSchema(schema, 'x')).toThrow(/async/i);
  });

  it('throws where safeParse throws: a check that throws', () => {
    const schema = z.string().check(
      z.refine(() => {
        throw new RangeError('too deep');
      }),
    );
    expect(() => checkSchema(schema, 'x')).toThrow(RangeError);
  });
});
