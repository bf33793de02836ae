// The compiled validators (src/v2xx/generated/compiled.ts) against strict parsing of the zod schemas they
// are generated beside: for every input, both accept or both refuse, and an accepted value gives the same
// data. And the parse helpers, which answer a clean payload with the registered compiled validator in every
// mode and with every unknownFields setting (issue #16): parsePayload and parseList must answer exactly as
// with zod alone (the compiled path switched off), issues included, strict and lenient.
// Inputs: arbitraries derived from the generator's model (test/support/spec-arbitraries.ts: valid objects,
// one mutation of them at any depth, random JSON) over the main objects of both versions; the seeded CPO
// and eMSP data with one mutation; random JSON for every object. Fixed seed. FUZZ_RUNS sets the model
// cases per version (.ci/run: 100,000); the other properties take a share of it.
// One test file per version (compiled-differential-2xx.test.ts) calls describeDifferential, so that the
// two run side by side.
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
import * as specRules211 from '../../../src/v211/schemas/spec-rules';
import * as compiled221 from '../../../src/v221/generated/compiled';
import { compiledPairs as compiledPairs221 } from '../../../src/v221/generated/compiled-pairs';
import * as schemas221 from '../../../src/v221/generated/schemas';
import * as specRules221 from '../../../src/v221/schemas/spec-rules';
import { describeWithSpec } from '../../support/spec';
import { type Case, changeAt, specArbitraries } from '../../support/spec-arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 16;
// The seeded-data and every-object properties: a share of the runs, up to what they ran before.
const SEEDED_RUNS = Math.min(1_500, Math.ceil(RUNS / 2));
const ALL_OBJECT_RUNS = Math.min(2_000, RUNS);
// The first valid values of each main object that strict parsing must accept (a fifth for the others).
const VALID_SAMPLE = Math.max(50, Math.min(500, Math.ceil(RUNS / 200)));
// Single mutations drawn from each valid value: a family of cases is the value, these and random JSON.
const MUTATIONS_EACH = 4;
// Time for one property: vitest's 5 s is for the default runs on an idle machine.
const TIMEOUT = Math.max(30_000, RUNS * 6);

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
  policies: readonly ValidationPolicy[] = POLICIES,
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
  for (const policy of policies) {
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

/** The main objects of each version: what the modules send and receive at their top level. */
const COMMANDS = ['CancelReservation', 'CommandResponse', 'CommandResult', 'ReserveNow', 'StartSession'];
const MAIN_OBJECTS = {
  '2.2.1': [
    ...['Location', 'EVSE', 'Connector', 'Session', 'CDR', 'Tariff', 'Token', 'AuthorizationInfo'],
    ...['LocationReferences', 'Credentials', 'Version', 'Endpoint', ...COMMANDS, 'StopSession'],
    ...['UnlockConnector', 'ChargingProfile', 'SetChargingProfile', 'ActiveChargingProfile'],
    ...['ActiveChargingProfileResult', 'ChargingProfileResponse', 'ChargingProfileResult'],
    ...['ClearProfileResult', 'ClientInfo'],
  ],
  '2.1.1': [
    ...['Location', 'EVSE', 'Connector', 'Session', 'CDR', 'Tariff', 'Token', 'AuthorizationInfo'],
    ...['LocationReferences', 'Credentials', 'Version', 'Endpoint', 'CommandResponse', 'ReserveNow'],
    ...['StartSession', 'StopSession', 'UnlockConnector'],
  ],
} as const;

// Strict, lenient, each with unknown fields stripped, for every case; the other four on a share of them.
const EVERY_CASE = POLICIES.filter(({ unknownFields }) => unknownFields === 'strip');
const SOME_CASES = POLICIES.filter(({ unknownFields }) => unknownFields !== 'strip');

/** Seeded Locations, Sessions, CDRs and Tariffs of a CPO and Tokens of an eMSP, each named by its object. */
function basesOf(
  cpoData: { locations: object[]; sessions: object[]; cdrs: object[]; tariffs: object[] },
  tokens: readonly object[],
): { name: string; value: object }[] {
  return [
    ...cpoData.locations.map((value) => ({ name: 'Location', value })),
    ...cpoData.sessions.map((value) => ({ name: 'Session', value })),
    ...cpoData.cdrs.map((value) => ({ name: 'CDR', value })),
    ...cpoData.tariffs.map((value) => ({ name: 'Tariff', value })),
    ...tokens.map((value) => ({ name: 'Token', value })),
  ];
}

/**
 * What each version's tests run on: its compiled pairs, and valid values of its main objects from the
 * seeded simulated parties. Made for the version a file tests only.
 */
const VERSIONS = {
  '2.2.1': () => ({
    label: '2.2.1',
    version: '2.2.1' as const,
    rules: Object.keys(specRules221),
    pairs: pairs(compiled221, schemas221),
    bases: basesOf(seedCpo221({ cpo, emsp, ...size }), seedEmsp221({ emsp, tokens: 6 }).tokens),
  }),
  '2.1.1': () => ({
    label: '2.1.1',
    version: '2.1.1' as const,
    rules: Object.keys(specRules211),
    pairs: pairs(compiled211, schemas211),
    bases: basesOf(seedCpo211({ cpo, emsp, ...size }), seedEmsp211({ emsp, tokens: 6 }).tokens),
  }),
};

type VersionCase = ReturnType<(typeof VERSIONS)[keyof typeof VERSIONS]>;

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

/** The differential tests of one version. */
export function describeDifferential(only: '2.2.1' | '2.1.1'): void {
  const versions = [VERSIONS[only]()];
  describeStrict(versions);
  describeOnArbitraries(versions);
}

function describeStrict(versions: readonly VersionCase[]): void {
  describe.each(versions)('compiled strict validators of OCPI $label', ({ label, pairs, bases }) => {
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

    it(
      'answer as strict parsing does for one mutation anywhere in a seeded value',
      () => {
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
            expectSameAnswer(name, pair, changeAt(input, path, mutate));
          }),
          { seed: SEED, numRuns: SEEDED_RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'give parseList the same page result as zod alone, for a page with one mutated item',
      () => {
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
            mutated[index] = changeAt(page[index], path, mutate);
            const options = { ...policy, subject: name };
            const zod = zodOnly(() => parseList(pair.schema, mutated, options));
            expect(plainList(parseList(pair.schema, mutated, options))).toEqual(plainList(zod));
          }),
          { seed: SEED, numRuns: Math.ceil(SEEDED_RUNS / 5) },
        );
      },
      TIMEOUT,
    );

    it(
      'answer as strict parsing does for random JSON, for every object',
      () => {
        const names = [...pairs.keys()];
        expect(names.length).toBeGreaterThan(30);
        fc.assert(
          fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), (name, input) => {
            const pair = pairs.get(name);
            if (!pair) throw new Error(`no validator for ${name}`);
            expectSameAnswer(name, pair, input);
          }),
          { seed: SEED, numRuns: ALL_OBJECT_RUNS },
        );
      },
      TIMEOUT,
    );
  });
}

// Without the spec, one failing test says where it was looked for, and the properties above still run.
function describeOnArbitraries(versions: readonly VersionCase[]): void {
  for (const { label, version, rules, pairs } of versions) {
    describeWithSpec(`the compiled path of OCPI ${label} on the model's arbitraries`, () => {
      const arbitraries = specArbitraries(version);
      const main: readonly string[] = MAIN_OBJECTS[version];
      const pairOf = (name: string) => {
        const pair = pairs.get(name);
        if (!pair) throw new Error(`no validator for ${name}`);
        return pair;
      };
      const strictZod = (name: string, value: unknown) =>
        zodOnly(() => parsePayload(pairOf(name).schema, value, { mode: 'strict', subject: name }));

      it('know every object of the version and the rule of every ruled one', () => {
        expect([...arbitraries.objectNames].sort()).toEqual([...pairs.keys()].sort());
        for (const name of main) expect(arbitraries.objectNames).toContain(name);
        expect([...arbitraries.ruledNames].sort()).toEqual([...rules].sort());
      });

      it(
        'make valid objects: strict parsing accepts the first of each object (50 to 500 of a main one)',
        () => {
          for (const name of arbitraries.objectNames) {
            const count = main.includes(name) ? VALID_SAMPLE : Math.ceil(VALID_SAMPLE / 5);
            for (const value of fc.sample(arbitraries.valid(name), { seed: SEED, numRuns: count })) {
              const result = strictZod(name, value);
              expect(result.success ? [] : result.error.issues, `${name}: ${JSON.stringify(value)}`).toEqual(
                [],
              );
            }
          }
        },
        TIMEOUT,
      );

      it(
        'answer as zod does for valid, mutated and random main objects, strict and lenient',
        () => {
          const target = fc
            .record({
              name: fc.constantFrom(...main),
              more: fc.constantFrom(undefined, undefined, undefined, ...SOME_CASES),
            })
            .chain(({ name, more }) =>
              arbitraries.family(name, MUTATIONS_EACH).map((cases: Case[]) => ({ name, cases, more })),
            );
          fc.assert(
            fc.property(target, ({ name, cases, more }) => {
              for (const { value, label } of cases) {
                if (label === 'valid') expect(strictZod(name, value).success, 'a valid case').toBe(true);
                expectSameAnswer(name, pairOf(name), value, more ? [...EVERY_CASE, more] : EVERY_CASE);
              }
            }),
            // Each run is a family of cases: a valid value, its mutations and random JSON.
            { seed: SEED, numRuns: Math.ceil(RUNS / (MUTATIONS_EACH + 2)) },
          );
        },
        TIMEOUT,
      );

      it(
        'give parseList the same page result as zod alone, for pages of such cases',
        () => {
          const target = fc
            .record({ name: fc.constantFrom(...main), policy: fc.constantFrom(...POLICIES) })
            .chain(({ name, policy }) =>
              fc.record({
                name: fc.constant(name),
                policy: fc.constant(policy),
                page: fc.array(arbitraries.cases(name), { maxLength: 4 }),
              }),
            );
          fc.assert(
            fc.property(target, ({ name, policy, page }) => {
              const pair = pairOf(name);
              const items = page.map(({ value }) => value);
              const options = { ...policy, subject: name };
              const zod = zodOnly(() => parseList(pair.schema, items, options));
              expect(plainList(parseList(pair.schema, items, options))).toEqual(plainList(zod));
            }),
            { seed: SEED, numRuns: Math.ceil(RUNS / 25) },
          );
        },
        TIMEOUT,
      );
    });
  }
}
