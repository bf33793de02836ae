import * as z from 'zod/mini';

/** The `params.ocpi` tag on an issue about a rule the spec states in prose rather than in its tables. */
export const SPEC_RULE = 'spec-rule';

/** Reports one broken prose rule at `path` (relative to the checked value). */
export type RuleReporter = (path: readonly PropertyKey[], message: string) => void;

/**
 * A check for rules the spec states in its descriptions (formats, fields that depend on each other),
 * run once every field has its table type. Lenient parsing keeps a value that breaks such a rule and
 * reports it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function specRule<T>(rule: (value: T, report: RuleReporter) => void) {
  return z.check<T>(
    (payload) => {
      rule(payload.value, (path, message) => {
        payload.issues.push({
          code: 'custom',
          message,
          path: [...path],
          input: payload.value,
          params: { ocpi: SPEC_RULE },
          // A broken rule leaves the types as they are, so the rules around it still apply.
          continue: true,
        });
      });
    },
    { when: typesIntact },
  );
}

// zod skips a check once anything inside the value failed. A rule can still be judged when every
// failure left the types in place: a value outside an enum (still a string), and continuable issues
// (lengths, formats, other rules). Lenient parsing keeps those values, so their neighbours' rules must
// still be reported.
export function typesIntact(payload: z.core.ParsePayload): boolean {
  return payload.issues.every(
    (issue) => issue.continue === true || (issue.code === 'invalid_value' && typeof issue.input === 'string'),
  );
}
