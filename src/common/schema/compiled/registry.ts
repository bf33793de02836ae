// Which zod schema has a compiled validator. Nothing is paired by importing a module: each version's
// generated `compiledPairs()` lists its pairs, and createClient and serveVersion register them when they
// start (a user calling parsePayload directly may do the same). Schemas alone thus bundle no validator.
// Keyed by identity, so a schema derived from one (`.check()`, `z.extend`) is a new object without a
// validator, and its own checks always run through zod.

import type { Tolerance } from './tolerance';

/**
 * A compiled validator: the value as strict parsing returns it, or FAIL (runtime.ts). Given a Tolerance,
 * it also answers for the deviations the parse's policy tolerates, recording them there (tolerance.ts).
 */
export type CompiledValidator = (value: unknown, tolerance?: Tolerance) => unknown;

const validators = /*@__PURE__*/ new WeakMap<object, CompiledValidator>();

// Tests turn the compiled path off to compare with zod alone.
let enabled = true;

/**
 * Lets `parsePayload`, `parseList` and the SDK's own reads answer a clean payload of each schema in
 * `pairs` with its compiled validator, several times faster than zod and with the same result (anything
 * else still goes through zod). Pass a version's `compiledPairs()`; calling it again is harmless.
 * `createClient` and `serveVersion` do it themselves.
 */
export function registerCompiledValidators(
  pairs: Iterable<readonly [schema: object, validate: CompiledValidator]>,
): void {
  for (const [schema, validate] of pairs) {
    if (!validators.has(schema)) validators.set(schema, validate);
  }
}

/** The compiled validator registered for `schema`, if any (and while the compiled path is on). */
export function compiledValidatorOf(schema: object): CompiledValidator | undefined {
  return enabled ? validators.get(schema) : undefined;
}

/** Internal, for tests and the bench: whether the parse helpers may use compiled validators. */
export function setCompiledPath(on: boolean): void {
  enabled = on;
}
