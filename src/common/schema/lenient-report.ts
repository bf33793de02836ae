// The issues a lenient parse reports, worded once for both of its paths: zod's passes (parse.ts) and the
// compiled validators' one walk (compiled/tolerance.ts), so that the two can never word one differently.
import type * as z from 'zod/mini';
import type { LenientIssue } from './parse';
import {
  formatPath,
  MAX_ISSUES,
  omittedIssue,
  toValidationIssues,
  type ValidationIssue,
} from './validation-issue';

/** Identifies a kept value across zod's passes: the same check at the same place. */
export function issueKey(issue: z.core.$ZodIssue): string {
  return `${issue.code} ${formatPath(issue.path)}`;
}

/** The issues of one lenient parse: the first MAX_ISSUES described, the rest counted by what was done. */
export interface LenientReport {
  /** Describes the issue (`describe` is only called while there is room) or counts it. */
  add(action: LenientIssue['action'], describe: () => LenientIssue): void;
  /** The described issues, then one issue per action counting those not described; and the total. */
  result(): { issues: LenientIssue[]; issueCount: number };
}

/** An empty {@link LenientReport}. */
export function lenientReport(): LenientReport {
  const described: LenientIssue[] = [];
  const omitted = new Map<LenientIssue['action'], number>();
  let total = 0;
  return {
    add(action, describe) {
      total++;
      if (described.length < MAX_ISSUES) described.push(describe());
      else omitted.set(action, (omitted.get(action) ?? 0) + 1);
    },
    result() {
      const counts = [...omitted].map(([action, count]) => ({
        ...omittedIssue(count, `${count === 1 ? 'issue' : 'issues'} (${action})`, false),
        action,
      }));
      return { issues: [...described, ...counts], issueCount: total };
    },
  };
}

/** A value outside the spec that was kept: zod's issue for it, described as an error would, `(kept)`. */
export function keptIssue(issue: z.core.$ZodIssue, input: unknown): LenientIssue {
  const [described] = toValidationIssues([issue], input, Number.POSITIVE_INFINITY, false) as [
    ValidationIssue,
  ];
  return { ...described, message: `${described.message} (kept)`, action: 'kept' };
}

/** A field the spec does not define, `key` of the object at `segments`, left out of the result. */
export function unknownFieldIssue(segments: readonly PropertyKey[], key: string): LenientIssue {
  return lenientIssue([...segments, key], 'unrecognized_keys', 'unknown field dropped', 'dropped');
}

/** A `null` in an optional field read as absent; `code` is zod's for the null there. */
export function nullIssue(segments: readonly PropertyKey[], code: string): LenientIssue {
  return lenientIssue(segments, code, 'null read as absent', 'dropped');
}

/** A timestamp with an offset, converted to the UTC one `normalized`. */
export function normalisedIssue(segments: readonly PropertyKey[], normalized: string): LenientIssue {
  return lenientIssue(segments, 'custom', `timestamp converted to UTC: ${normalized}`, 'normalised');
}

/** A tolerated issue at `segments`, worded by the caller. */
export function lenientIssue(
  segments: readonly PropertyKey[],
  code: string,
  message: string,
  action: LenientIssue['action'],
): LenientIssue {
  const path = segments.map((key) => (typeof key === 'symbol' ? String(key) : key));
  return { path: formatPath(path), segments: path, code, message, fatal: false, action };
}
