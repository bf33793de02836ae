import type { LenientIssue } from '../../common/schema/parse';
import type { RejectedItem, ToleratedItem } from '../../common/schema/parse-list';
import type { ValidationIssue } from '../../common/schema/validation-issue';
import type { Deviation } from './check-report';

/** How many of the most frequent paths a report names. */
export const TOP_DEVIATIONS = 10;

/**
 * Counts deviations by JSON path across the objects of a list, with list indexes folded (`evses[].uid`),
 * so that one broken field repeated over a thousand objects is one line counted a thousand times.
 */
export class DeviationTally {
  readonly #byPath = new Map<string, { count: number; message: string; codes: Set<string> }>();

  /** The issues of the items strict validation refused. */
  addRejected(items: readonly RejectedItem[]): void {
    for (const item of items) for (const issue of item.issues) this.add(issue);
  }

  /** The issues of the items kept with tolerated deviations. */
  addTolerated(items: readonly ToleratedItem[]): void {
    for (const item of items) for (const issue of item.issues) this.add(issue);
  }

  add(issue: ValidationIssue | LenientIssue): void {
    const path = issue.path.replace(/\[\d+\]/g, '[]') || '(object)';
    const entry = this.#byPath.get(path);
    if (entry) {
      entry.count++;
      entry.codes.add(issue.code);
    } else {
      this.#byPath.set(path, { count: 1, message: issue.message, codes: new Set([issue.code]) });
    }
  }

  /** Whether any issue had a code other than those given. */
  hasOtherThan(codes: readonly string[]): boolean {
    for (const entry of this.#byPath.values()) {
      for (const code of entry.codes) if (!codes.includes(code)) return true;
    }
    return false;
  }

  /** How many issues had `code`. */
  countOf(code: string): number {
    let count = 0;
    for (const entry of this.#byPath.values()) if (entry.codes.has(code)) count += entry.count;
    return count;
  }

  get size(): number {
    return this.#byPath.size;
  }

  /** The most frequent paths, most first (ties by path). */
  top(limit = TOP_DEVIATIONS): Deviation[] {
    return [...this.#byPath.entries()]
      .sort(([pathA, a], [pathB, b]) => b.count - a.count || pathA.localeCompare(pathB))
      .slice(0, limit)
      .map(([path, { count, message }]) => ({ path, count, message }));
  }
}
