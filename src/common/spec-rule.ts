import * as z from 'zod/mini';

/** The `params.ocpi` tag on an issue about a rule the spec states in prose rather than in its tables. */
export const SPEC_RULE = 'spec-rule';

/** Reports one broken prose rule at `path` (relative to the checked value). */
export type RuleReporter = (path: readonly PropertyKey[], message: string) => void;

/**
 * A check for rules the spec states in its descriptions (formats, fields that depend on each other),
 * run after the value matched its table shape. Lenient parsing keeps a value that breaks such a rule
 * and reports it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function specRule<T>(rule: (value: T, report: RuleReporter) => void) {
  return z.check<T>((payload) => {
    rule(payload.value, (path, message) => {
      payload.issues.push({
        code: 'custom',
        message,
        path: [...path],
        input: payload.value,
        params: { ocpi: SPEC_RULE },
      });
    });
  });
}
