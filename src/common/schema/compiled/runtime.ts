// What the compiled validators (src/v2xx/generated/compiled.ts, written by scripts/codegen/emit-compiled.ts)
// share: the marker of a rejected value and the few steps every object takes. No zod: a bundle that
// validates with the compiled code alone carries none.
import type { RuleReporter } from '../spec-rule';
import type { Tolerance } from './tolerance';

/** What a compiled validator answers for a value that strict parsing would refuse. */
export const FAIL: unique symbol = /*@__PURE__*/ Symbol('ocpi.compiled.fail');

/** The type of {@link FAIL}. */
export type Fail = typeof FAIL;

/** A compiled validator's answer: the value as strict parsing returns it, or {@link FAIL}. */
export type Checked<T> = T | Fail;

/** Whether `value` can be an OCPI object: what zod's objects accept (no null, no list). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A list of at least `min` items, each checked by `item`: a new list of the checked items (as zod's
 * arrays give one), or {@link FAIL} at the first item refused. With a Tolerance, each item is checked
 * with it, the list standing at `at` in its object.
 */
export function listOf<T>(
  value: unknown,
  item: (value: unknown, t?: Tolerance) => Checked<T>,
  min: number,
  t?: Tolerance,
  at?: string,
): Checked<T[]> {
  if (!Array.isArray(value) || value.length < min) return FAIL;
  const out: T[] = new Array(value.length);
  if (t === undefined) {
    for (let index = 0; index < value.length; index++) {
      const checked = item(value[index]);
      if (checked === FAIL) return FAIL;
      out[index] = checked;
    }
    return out;
  }
  t.enter(at as string);
  t.enter(0);
  for (let index = 0; index < value.length; index++) {
    t.step(index);
    const checked = item(value[index], t);
    if (checked === FAIL) return FAIL;
    out[index] = checked;
  }
  t.leave();
  t.leave();
  return out;
}

/**
 * A list of at least `min` values that all pass `holds` (strings, numbers, enum values): a copy. With a
 * Tolerance, a value that does not is handed to `keep` (with its index), which answers what stands in
 * its place or {@link FAIL}; none means nothing is tolerated.
 */
export function listWhere(
  value: unknown,
  holds: (value: unknown) => boolean,
  min: number,
  t?: Tolerance,
  at?: string,
  keep?: (t: Tolerance, value: unknown, index: number) => Checked<unknown>,
): Checked<unknown[]> {
  if (!Array.isArray(value) || value.length < min) return FAIL;
  if (t === undefined) {
    for (const item of value) if (!holds(item)) return FAIL;
    return value.slice();
  }
  const out = value.slice();
  for (let index = 0; index < out.length; index++) {
    if (holds(out[index])) continue;
    if (keep === undefined) return FAIL;
    t.enter(at as string);
    const kept = keep(t, out[index], index);
    t.leave();
    if (kept === FAIL) return FAIL;
    out[index] = kept;
  }
  return out;
}

// Whether the rule being judged reported anything. One flag for all: rules are plain synchronous
// functions that never call one another's reporters.
let broken = false;
const noteBreak: RuleReporter = () => {
  broken = true;
};

/** Whether `value` keeps the prose rule `rule` (of a rules table), which strict mode requires. */
export function ruleHolds<T>(rule: (value: T, report: RuleReporter) => void, value: T): boolean {
  broken = false;
  rule(value, noteBreak);
  return !broken;
}

// Whether a validator left anything out on the way: a `null` read as absent or a field the spec does not
// define. Strict parsing reports each of these, so that only a clean answer may stand in for zod's.
let tolerated = false;

/**
 * For generated code, at the end of an object: notes a deviation when `value` has other keys than the
 * `kept` ones its result holds (an unknown field, or a `null` left out).
 */
export function noteUnkept(value: Readonly<Record<string, unknown>>, kept: number): void {
  let count = 0;
  for (const _key in value) count++;
  if (count !== kept) tolerated = true;
}

/**
 * `validate`'s answer for `value` when it had nothing to leave out (see {@link noteUnkept}), else
 * {@link FAIL}: what strict parsing would return with no issue at all.
 */
export function checkClean<T>(validate: (value: unknown) => Checked<T>, value: unknown): Checked<T> {
  tolerated = false;
  const checked = validate(value);
  return tolerated ? FAIL : checked;
}
