import type * as z from 'zod/mini';
import { scrub } from '../errors/ocpi-error';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import { scrubIssues } from '../errors/scrub-issues';
import type { ParsedAs } from './lenient-types';
import { checkPayload, type LenientIssue, type ParseOptions } from './parse';
import { MAX_ISSUES, notAListIssue, pathInList, type ValidationIssue } from './validation-issue';

/** An item of a list that failed validation, with enough to find it again. */
export interface RejectedItem {
  /** Its position in the list (in its page, for a list call). */
  readonly index: number;
  /** Its `id` (or `uid`, as EVSEs and Tokens name it) when it has a string one. */
  readonly id: string | undefined;
  /** What is wrong with it, each issue with its path inside the item: those that cost it (`fatal`) first. */
  readonly issues: readonly ValidationIssue[];
  /** The same issues as an error, built when first read. */
  readonly error: OcpiValidationError;
  /** For a list call's rejections gathered across pages: the URL of the page the item came in. */
  readonly url?: string;
}

/**
 * An item of a list that was kept in lenient mode although it deviated from the spec, with what was
 * tolerated (a dropped unknown field, a kept unknown enum value...), each issue's path inside the item.
 */
export interface ToleratedItem {
  /** Its position in the list (in its page, for a list call). */
  readonly index: number;
  /** Its `id` (or `uid`) when it has a string one. */
  readonly id: string | undefined;
  readonly issues: readonly LenientIssue[];
}

/** Options of {@link parseList}: those of a payload, and how much of a bad list is kept. */
export interface ListParseOptions extends ParseOptions {
  /** How many rejected items are described in `rejected` (the first ones); the rest are only counted. Default 100. */
  maxRejected?: number;
  /** How many issues of accepted items are kept in `issues` (the first ones); the rest are only counted. Default 1,000. */
  maxIssues?: number;
  /**
   * Tokens to remove from what the result keeps of the list: issue paths (the list's own field names) and
   * the ids of rejected items. A partner can echo a token as either; pass the one the list was fetched with.
   */
  secrets?: readonly string[];
}

/** The outcome of {@link parseList}: every good item, the first rejected ones, and what was tolerated. */
export interface ListParseResult<T> {
  readonly items: T[];
  /** The first rejected items, at most `maxRejected` of them. */
  readonly rejected: RejectedItem[];
  /** How many items were rejected in all, described in `rejected` or not. */
  readonly rejectedCount: number;
  /** Lenient-mode issues of the accepted items, paths starting at the item's index (`[3].evses[0]...`); at most `maxIssues`. */
  readonly issues: LenientIssue[];
  /** How many issues the accepted items had in all, kept in `issues` or not. */
  readonly issueCount: number;
  /**
   * The same issues by item: each accepted item that had any, with its index and id, while `issues` had
   * room for them (an item past the cap is only counted in `toleratedCount`).
   */
  readonly tolerated: ToleratedItem[];
  /** How many accepted items had issues in all, described in `tolerated` or not. */
  readonly toleratedCount: number;
}

// A page's worth of detail: enough to see what a partner gets wrong, while a list of millions of bad
// items costs a counter, not millions of records. A whole list read item by item keeps as many.
export const MAX_REJECTED = 100;

/**
 * Validates a list item by item, so that one bad object never loses the others: a page of 1,000
 * Locations with one broken EVSE gives 999 items and one rejection naming index, id and issues.
 * A value that is not an array is one rejection at index -1.
 *
 * What is kept of a bad list is bounded: the first `maxRejected` rejected items and the first
 * `maxIssues` issues of accepted items are described, the rest counted (`rejectedCount`, `issueCount`).
 *
 * @example
 * const { items, rejected } = parseList(LocationSchema, page, { mode: 'lenient', subject: 'Location' });
 */
export function parseList<S extends z.ZodMiniType, const O extends ListParseOptions>(
  itemSchema: S,
  list: unknown,
  options: O,
): ListParseResult<ParsedAs<z.output<S>, O>> {
  const maxRejected = options.maxRejected ?? MAX_REJECTED;
  const maxIssues = options.maxIssues ?? MAX_ISSUES;
  // Each item is what the mode let through: typed by the options (see ParsedAs).
  const items: ParsedAs<z.output<S>, O>[] = [];
  const rejected: RejectedItem[] = [];
  const issues: LenientIssue[] = [];
  const tolerated: ToleratedItem[] = [];
  let rejectedCount = 0;
  let issueCount = 0;
  let toleratedCount = 0;
  const { secrets } = options;
  if (!Array.isArray(list)) {
    const rejection = rejectedItem(-1, undefined, [notAListIssue(list)], options.subject);
    return { items, rejected: [rejection], rejectedCount: 1, issues, issueCount, tolerated, toleratedCount };
  }
  list.forEach((item, index) => {
    // An item's tolerated issues are described only while the list has room for them; past it, counted.
    const outcome = checkPayload(itemSchema, item, options, Math.max(0, maxIssues - issues.length));
    if (!outcome.success) {
      rejectedCount++;
      if (rejected.length < maxRejected) {
        const subject = `${options.subject} [${index}]`;
        rejected.push(
          rejectedItem(index, scrubbedId(item, secrets), scrubIssues(outcome.describe(), secrets), subject),
        );
      }
      return;
    }
    items.push(outcome.data as ParsedAs<z.output<S>, O>);
    if (outcome.issueCount === 0) return;
    issueCount += outcome.issueCount;
    toleratedCount++;
    const room = Math.max(0, maxIssues - issues.length);
    if (room === 0) return;
    // Described twice, sharing the cap: by item (paths inside it) and flat (paths from the list).
    const own = scrubIssues(outcome.issues.slice(0, room), secrets);
    tolerated.push({ index, id: scrubbedId(item, secrets), issues: own });
    for (const issue of own) {
      issues.push({ ...issue, segments: [index, ...issue.segments], path: pathInList(index, issue.path) });
    }
  });
  return { items, rejected, rejectedCount, issues, issueCount, tolerated, toleratedCount };
}

// Plain data until someone reads `error`: an Error records a stack trace, too dear to build per item.
function rejectedItem(
  index: number,
  id: string | undefined,
  issues: readonly ValidationIssue[],
  subject: string,
): RejectedItem {
  let error: OcpiValidationError | undefined;
  return {
    index,
    id,
    issues,
    get error() {
      error ??= new OcpiValidationError({ subject, issues });
      return error;
    },
  };
}

// A partner can echo our token as an id: it never reaches a report.
function scrubbedId(item: unknown, secrets: readonly string[] | undefined): string | undefined {
  const id = idOf(item);
  return id === undefined ? undefined : scrub(id, secrets);
}

/** An object's `id`, or `uid` as EVSEs and Tokens name it, when it is a string. */
export function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, uid } = item as { id?: unknown; uid?: unknown };
  if (typeof id === 'string') return id;
  return typeof uid === 'string' ? uid : undefined;
}
