import * as z from 'zod/mini';

/** The `params.ocpi` tag on an issue about a rule the spec states in prose rather than in its tables. */
export const SPEC_RULE = 'spec-rule';

/** Reports one broken prose rule at `path` (relative to the checked value). */
export type RuleReporter = (path: readonly PropertyKey[], message: string) => void;

// The issues that specRule checks raised, so that an enclosing rule can take them back (see below).
const RULE_ISSUES = /*@__PURE__*/ new WeakSet<object>();

/**
 * A check for rules the spec states in its descriptions (formats, fields that depend on each other),
 * run once every field has its table type. Lenient parsing keeps a value that breaks such a rule and
 * reports it.
 *
 * The generator attaches each object's rule at its definition (the rules tables in `schemas/spec-rules.ts`),
 * so an object's rules hold wherever it is nested. zod checks a nested value before its parent, so a
 * nested rule may already have spoken when the parent finds a field of the wrong type: the parent then
 * takes those issues back (objects without rules of their own do so with {@link rulesInside}), and the
 * rules of the whole value are judged together once every field has its type (in lenient mode, on the
 * repaired value).
 */
/* @__NO_SIDE_EFFECTS__ */
export function specRule<T>(rule: (value: T, report: RuleReporter) => void) {
  return z.check<T>(
    (payload) => {
      if (!typesIntact(payload)) {
        dropRuleIssues(payload.issues);
        return;
      }
      rule(payload.value, (path, message) => {
        const issue: z.core.$ZodRawIssue = {
          code: 'custom',
          message,
          path: [...path],
          input: payload.value,
          params: { ocpi: SPEC_RULE },
          // A broken rule leaves the types as they are, so the rules around it still apply.
          continue: true,
        };
        RULE_ISSUES.add(issue);
        payload.issues.push(issue);
      });
    },
    // Run even when the value lost a type, to take back the issues of the rules inside it.
    { when: always },
  );
}

/**
 * The check of an object without rules of its own that holds ruled objects: while one of its fields has
 * the wrong type, it takes back the issues of the rules inside it, as {@link specRule} does, so that a
 * rule is never judged while anything around it, up to the outermost object, lost its type.
 */
/* @__NO_SIDE_EFFECTS__ */
export function rulesInside() {
  return z.check<unknown>(
    (payload) => {
      if (!typesIntact(payload)) dropRuleIssues(payload.issues);
    },
    { when: always },
  );
}

function always(): boolean {
  return true;
}

function dropRuleIssues(issues: z.core.$ZodRawIssue[]): void {
  let kept = 0;
  for (const issue of issues) if (!RULE_ISSUES.has(issue)) issues[kept++] = issue;
  issues.length = kept;
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
