import type { ValidationIssue } from '../schema/validation-issue';
import { scrub } from './ocpi-error';

/**
 * Validation issues with known secrets removed from their paths. An issue never quotes a value, but its
 * path holds the partner's field names, and a partner can echo our token as one (`{ "<token>": 1 }` is
 * an unknown field in strict mode).
 */
export function scrubIssues<T extends ValidationIssue>(
  issues: readonly T[],
  secrets: readonly string[] | undefined,
): readonly T[] {
  if (!secrets || secrets.length === 0) return issues;
  return issues.map((issue) => {
    const path = scrub(issue.path, secrets);
    const message = scrub(issue.message, secrets);
    if (path === issue.path && message === issue.message) return issue;
    const segments = issue.segments.map((segment) =>
      typeof segment === 'string' ? scrub(segment, secrets) : segment,
    );
    return { ...issue, path, segments, message };
  });
}
