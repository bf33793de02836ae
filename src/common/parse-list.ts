import type * as z from 'zod/mini';
import { OcpiValidationError } from './errors/ocpi-validation-error';
import { type LenientIssue, type ParseOptions, parsePayload } from './parse';
import { formatPath, notAListIssue } from './validation-issue';

/** An item of a list that failed validation, with enough to find it again. */
export interface RejectedItem {
  /** Its position in the list. */
  readonly index: number;
  /** Its `id` (or `uid`, as EVSEs and Tokens name it) when it has a string one. */
  readonly id: string | undefined;
  readonly error: OcpiValidationError;
}

/** The outcome of {@link parseList}: every good item, every rejected one, and what was tolerated. */
export interface ListParseResult<T> {
  readonly items: T[];
  readonly rejected: RejectedItem[];
  /** Lenient-mode issues of the accepted items, paths starting at the item's index (`[3].evses[0]...`). */
  readonly issues: LenientIssue[];
}

/**
 * Validates a list item by item, so that one bad object never loses the others: a page of 1,000
 * Locations with one broken EVSE gives 999 items and one rejection naming index, id and issues.
 * A value that is not an array is one rejection at index -1.
 *
 * @example
 * const { items, rejected } = parseList(LocationSchema, page, { mode: 'lenient', subject: 'Location' });
 */
export function parseList<S extends z.ZodMiniType>(
  itemSchema: S,
  list: unknown,
  options: ParseOptions,
): ListParseResult<z.output<S>> {
  const result: ListParseResult<z.output<S>> = { items: [], rejected: [], issues: [] };
  if (!Array.isArray(list)) {
    result.rejected.push({
      index: -1,
      id: undefined,
      error: new OcpiValidationError({ subject: options.subject, issues: [notAListIssue(list)] }),
    });
    return result;
  }
  list.forEach((item, index) => {
    const outcome = parsePayload(itemSchema, item, { ...options, subject: `${options.subject} [${index}]` });
    if (!outcome.success) {
      result.rejected.push({ index, id: idOf(item), error: outcome.error });
      return;
    }
    result.items.push(outcome.data);
    for (const issue of outcome.issues) {
      const segments = [index, ...issue.segments];
      result.issues.push({ ...issue, segments, path: formatPath(segments) });
    }
  });
  return result;
}

/** An object's `id`, or `uid` as EVSEs and Tokens name it, when it is a string. */
export function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, uid } = item as { id?: unknown; uid?: unknown };
  if (typeof id === 'string') return id;
  return typeof uid === 'string' ? uid : undefined;
}
