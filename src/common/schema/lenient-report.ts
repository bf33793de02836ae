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

/**
 * The issues of one lenient parse: the first MAX_ISSUES described, the rest counted by what was done.
 * Descriptions are made when the result is asked for, and only as many as it asks: a list past its own
 * cap of described issues only counts an item's (parse-list.ts), and a page of a thousand deviating
 * items then words no thousands of messages to throw away.
 */
export interface LenientReport {
  /** Notes the issue: `describe` is called by `result` while there is room, or never. */
  add(action: LenientIssue['action'], describe: () => LenientIssue): void;
  /**
   * The first `describeAtMost` (default and at most MAX_ISSUES) issues described, then one issue per
   * action counting those not described; and the total. With `describeAtMost` 0, the total alone.
   */
  result(describeAtMost?: number): { issues: LenientIssue[]; issueCount: number };
}

/** An empty {@link LenientReport}. */
export function lenientReport(): LenientReport {
  const noted: { action: LenientIssue['action']; describe: () => LenientIssue }[] = [];
  const omitted = new Map<LenientIssue['action'], number>();
  let total = 0;
  return {
    add(action, describe) {
      total++;
      if (noted.length < MAX_ISSUES) noted.push({ action, describe });
      else omitted.set(action, (omitted.get(action) ?? 0) + 1);
    },
    result(describeAtMost = MAX_ISSUES) {
      // Asked for the total only: no descriptions, and no counts of them either.
      if (describeAtMost <= 0) return { issues: [], issueCount: total };
      const described = noted.slice(0, describeAtMost).map(({ describe }) => describe());
      // The noted ones left undescribed are counted first, as they came before the others.
      const counted = new Map<LenientIssue['action'], number>();
      for (const { action } of noted.slice(describeAtMost))
        counted.set(action, (counted.get(action) ?? 0) + 1);
      for (const [action, count] of omitted) counted.set(action, (counted.get(action) ?? 0) + count);
      const counts = [...counted].map(([action, count]) => ({
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
