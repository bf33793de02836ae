// The compiled validators (src/v2xx/generated/compiled.ts) against strict parsing of the zod schemas they
// are generated beside: for every input, both accept or both refuse, and an accepted value gives the same
// data. Inputs: the seeded CPO and eMSP data (valid), single mutations anywhere inside them, and random
// JSON for every object of both versions. Fixed seed; FUZZ_RUNS raises the count of each property.
// The parse helpers answer a clean payload with the registered compiled validator, in every mode and with
// every unknownFields setting (issue #16, phase 2): parsePayload and parseList must answer exactly as with
// zod alone (the compiled path switched off), issues included, strict and lenient, strip, keep and reject.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  compiledValidatorOf,
  registerCompiledValidators,
  setCompiledPath,
} from '../../../src/common/schema/compiled/registry';
import { checkClean, FAIL } from '../../../src/common/schema/compiled/runtime';
import { type ParseResult, parsePayload, type ValidationPolicy } from '../../../src/common/schema/parse';
import { type ListParseResult, parseList } from '../../../src/common/schema/parse-list';
import { seedCpo211, seedCpo221, seedEmsp211, seedEmsp221 } from '../../../src/testing/seed';
import * as compiled211 from '../../../src/v211/generated/compiled';
import { compiledPairs as compiledPairs211 } from '../../../src/v211/generated/compiled-pairs';
import * as schemas211 from '../../../src/v211/generated/schemas';
import * as compiled221 from '../../../src/v221/generated/compiled';
import { compiledPairs as compiledPairs221 } from '../../../src/v221/generated/compiled-pairs';
import * as schemas221 from '../../../src/v221/generated/schemas';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_500);
const SEED = 16;

type Validator = (value: unknown) => unknown;

// What createClient and serveVersion do as they start.
registerCompiledValidators(compiledPairs221());
registerCompiledValidators(compiledPairs211());

/** Every policy the parse helpers take: the compiled path must not change the answer of any. */
const POLICIES: readonly ValidationPolicy[] = (['strict', 'lenient'] as const).flatMap((mode) =>
  (['strip', 'keep', 'reject'] as const).map((unknownFields) => ({ mode, unknownFields })),
);

/** Each object's compiled validator with its zod schema, by spec name. */
function pairs(
  compiled: Readonly<Record<string, unknown>>,
  schemas: Readonly<Record<string, unknown>>,
): Map<string, { validate: Validator; schema: z.ZodMiniType }> {
  const found = new Map<string, { validate: Validator; schema: z.ZodMiniType }>();
  for (const [key, validate] of Object.entries(compiled)) {
    if (!key.startsWith('validate')) continue;
    const name = key.slice('validate'.length);
    const schema = schemas[`${name}Schema`];
    if (schema === undefined) throw new Error(`no ${name}Schema beside ${key}`);
    found.set(name, { validate: validate as Validator, schema: schema as z.ZodMiniType });
  }
  return found;
}

// What `run` answers with the parse helpers on zod alone.
function zodOnly<T>(run: () => T): T {
  setCompiledPath(false);
  try {
    return run();
  } finally {
    setCompiledPath(true);
  }
}

// A parse result as plain data: the error's issues and message rather than the Error.
function plainResult(result: ParseResult<unknown>) {
  return result.success
    ? result
    : { success: false, message: result.error.message, issues: result.error.issues };
}

// A list result as plain data: each rejected item without its lazily built error.
function plainList(result: ListParseResult<unknown>) {
  return { ...result, rejected: result.rejected.map(({ index, id, issues }) => ({ index, id, issues })) };
}

// The same answer from both: accepted by both with equal data, or refused by both. And parsePayload gives
// the same result with the compiled path as without, answering through it exactly the clean payloads.
function expectSameAnswer(
  name: string,
  pair: { validate: Validator; schema: z.ZodMiniType },
  input: unknown,
) {
  const options = { mode: 'strict', unknownFields: 'strip', subject: name } as const;
  const zod = zodOnly(() => parsePayload(pair.schema, input, options));
  const fast = pair.validate(input);
  if (zod.success) {
    expect(fast, `${name} refused what strict parsing accepts`).not.toBe(FAIL);
    expect(fast).toEqual(zod.data);
  } else {
    expect(fast, `${name} accepted what strict parsing refuses`).toBe(FAIL);
  }
  const clean = zod.success && zod.issues.length === 0;
  expect(
    checkClean(pair.validate, input) !== FAIL,
    `${name}: compiled path taken iff nothing to report`,
  ).toBe(clean);
  for (const policy of POLICIES) {
    const each = { ...policy, subject: name };
    const alone = policy === POLICIES[0] ? zod : zodOnly(() => parsePayload(pair.schema, input, each));
    expect(
      plainResult(parsePayload(pair.schema, input, each)),
      `${name}, ${policy.mode}, unknown fields ${policy.unknownFields}`,
    ).toEqual(plainResult(alone));
  }
}

const party = (countryCode: string, partyId: string, name: string) => ({ countryCode, partyId, name });
const cpo = party('NL', 'TNM', 'TNM Charging');
const emsp = party('DE', 'EMP', 'EMP Mobility');
const size = { locations: 6, tariffs: 4, sessions: 8, cdrs: 6 };

/** Valid values of the main objects of each version, from the seeded simulated parties. */
const VERSIONS = [
  {
    label: '2.2.1',
    pairs: pairs(compiled221, schemas221),
    bases: (() => {
      const data = seedCpo221({ cpo, emsp, ...size });
      const tokens = seedEmsp221({ emsp, tokens: 6 }).tokens;
      return [
        ...data.locations.map((value) => ({ name: 'Location', value })),
        ...data.sessions.map((value) => ({ name: 'Session', value })),
        ...data.cdrs.map((value) => ({ name: 'CDR', value })),
        ...data.tariffs.map((value) => ({ name: 'Tariff', value })),
        ...tokens.map((value) => ({ name: 'Token', value })),
      ];
    })(),
  },
  {
    label: '2.1.1',
    pairs: pairs(compiled211, schemas211),
    bases: (() => {
      const data = seedCpo211({ cpo, emsp, ...size });
      const tokens = seedEmsp211({ emsp, tokens: 6 }).tokens;
      return [
        ...data.locations.map((value) => ({ name: 'Location', value })),
        ...data.sessions.map((value) => ({ name: 'Session', value })),
        ...data.cdrs.map((value) => ({ name: 'CDR', value })),
        ...data.tariffs.map((value) => ({ name: 'Tariff', value })),
        ...tokens.map((value) => ({ name: 'Token', value })),
      ];
    })(),
  },
];

/** Every place inside a value: the path to each field and list element, the root included. */
function places(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [[...path]];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push(...places(item, [...path, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...places(item, [...path, key]));
  }
  return found;
}

type Mutation = (value: unknown) => unknown;

// What a partner gets wrong at one place. `undefined` from a mutation drops the field (or list element).
const MUTATIONS: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>(() => undefined),
  fc.constant<Mutation>(() => null),
  fc.constant<Mutation>((value) => (typeof value === 'string' ? value.repeat(40) : 'x'.repeat(300))),
  fc.constant<Mutation>(() => 'NOT_A_VALUE'),
  fc.constant<Mutation>((value) => (typeof value === 'string' ? `${value}\n` : value)),
  fc.constant<Mutation>((value) => (typeof value === 'string' ? `${value}+02:00` : value)),
  fc.constant<Mutation>((value) => (typeof value === 'number' ? -value : value)),
  fc.constant<Mutation>((value) => (typeof value === 'number' ? value + 0.123456 : value)),
  fc.constant<Mutation>((value) => (typeof value === 'number' ? 10 ** 12 : value)),
  fc.constant<Mutation>((value) => (typeof value === 'boolean' ? !value : value)),
  fc.constant<Mutation>((value) => (Array.isArray(value) ? [] : value)),
  fc.constant<Mutation>((value) => (Array.isArray(value) ? [...value, ...value] : value)),
  fc.constant<Mutation>((value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...value, x_extension: { any: 1 } }
      : value,
  ),
  fc.jsonValue({ maxDepth: 2 }).map(
    (replacement): Mutation =>
      () =>
        replacement,
  ),
);

// A copy of `value` with `mutate` applied at `path`.
function mutateAt(value: unknown, path: readonly (string | number)[], mutate: Mutation): unknown {
  if (path.length === 0) return mutate(value);
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = mutateAt(copy[step as number], rest, mutate);
    if (next === undefined) copy.splice(step as number, 1);
    else copy[step as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = mutateAt(copy[step], rest, mutate);
  if (next === undefined) delete copy[step];
  else copy[step] = next;
  return copy;
}

describe.each(VERSIONS)('compiled strict validators of OCPI $label', ({ label, pairs, bases }) => {
  it('are all registered by compiledPairs(), each with its own schema', () => {
    const listed = label === '2.2.1' ? compiledPairs221() : compiledPairs211();
    expect(listed.length).toBe(pairs.size);
    for (const { schema, validate } of pairs.values()) {
      expect(listed.some(([s, v]) => s === schema && v === validate)).toBe(true);
      expect(compiledValidatorOf(schema)).toBeDefined();
    }
  });

  it('accept each seeded value with the data strict parsing gives', () => {
    for (const { name, value } of bases) {
      const pair = pairs.get(name);
      if (!pair) throw new Error(`no validator for ${name}`);
      // A round trip through JSON: what a partner sends.
      const input: unknown = JSON.parse(JSON.stringify(value));
      expect(pair.validate(input)).not.toBe(FAIL);
      expectSameAnswer(name, pair, input);
    }
  });

  it('answer as strict parsing does for one mutation anywhere in a seeded value', () => {
    const target = fc.constantFrom(...bases).chain((base) => {
      const input: unknown = JSON.parse(JSON.stringify(base.value));
      return fc.record({
        name: fc.constant(base.name),
        input: fc.constant(input),
        path: fc.constantFrom(...places(input)),
        mutate: MUTATIONS,
      });
    });
    fc.assert(
      fc.property(target, ({ name, input, path, mutate }) => {
        const pair = pairs.get(name);
        if (!pair) throw new Error(`no validator for ${name}`);
        expectSameAnswer(name, pair, mutateAt(input, path, mutate));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('give parseList the same page result as zod alone, for a page with one mutated item', () => {
    const names = [...new Set(bases.map(({ name }) => name))];
    const target = fc.constantFrom(...names).chain((name) => {
      const page = bases
        .filter((base) => base.name === name)
        .map(({ value }) => JSON.parse(JSON.stringify(value)));
      return fc.integer({ min: 0, max: page.length - 1 }).chain((index) =>
        fc.record({
          name: fc.constant(name),
          page: fc.constant(page),
          index: fc.constant(index),
          path: fc.constantFrom(...places(page[index])),
          mutate: MUTATIONS,
          policy: fc.constantFrom(...POLICIES),
        }),
      );
    });
    fc.assert(
      fc.property(target, ({ name, page, index, path, mutate, policy }) => {
        const pair = pairs.get(name);
        if (!pair) throw new Error(`no validator for ${name}`);
        const mutated = [...page];
        mutated[index] = mutateAt(page[index], path, mutate);
        const options = { ...policy, subject: name };
        const zod = zodOnly(() => parseList(pair.schema, mutated, options));
        expect(plainList(parseList(pair.schema, mutated, options))).toEqual(plainList(zod));
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 5) },
    );
  });

  it('answer as strict parsing does for random JSON, for every object', () => {
    const names = [...pairs.keys()];
    expect(names.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), (name, input) => {
        const pair = pairs.get(name);
        if (!pair) throw new Error(`no validator for ${name}`);
        expectSameAnswer(name, pair, input);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
