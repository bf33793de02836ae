import type { RejectedItem } from '../schema/parse-list';
import { formatPath, omittedIssue, type ValidationIssue } from '../schema/validation-issue';
import { hasKind, markKind, type OcpiRequestInput } from './ocpi-error';
import { OcpiValidationError } from './ocpi-validation-error';

/** What {@link OcpiRejectedItemsError} is built from. */
export interface OcpiRejectedItemsErrorInput {
  /** What the list holds, e.g. `locations item`. */
  subject: string;
  /** The first rejected items (scrubbed already). */
  rejected: readonly RejectedItem[];
  /** How many items were rejected in all, described in `rejected` or not. */
  rejectedCount: number;
  request?: OcpiRequestInput;
}

// The message names this many items by index and id; `rejected` keeps them all.
const ITEMS_IN_MESSAGE = 5;
// An id in a message is cut: a rejected item's id was never checked against the spec's 36 characters.
const ID_IN_MESSAGE = 40;

/**
 * Items of a list failed validation (in either mode: they differ in what fails): thrown at the end of a
 * list read item by item (`for await`, `toArray`) when nobody listened to `onValidationIssues`, after
 * every good item was handed over, so that no item is lost unseen. Each
 * entry of `rejected` names the item by `index` (in its page, whose `url` it gives) and `id`, with its
 * issues; `issues` has them all with paths from the page (`[3].evses[0].uid`), as an
 * `OcpiValidationError` does.
 *
 * @example
 * try {
 *   for await (const location of client.locations.sender.list()) save(location);
 * } catch (error) {
 *   if (!isOcpiRejectedItemsError(error)) throw error;
 *   for (const { index, id, url } of error.rejected) log.warn(`left out #${index} ${id} of ${url}`);
 * }
 */
export class OcpiRejectedItemsError extends OcpiValidationError {
  override name = 'OcpiRejectedItemsError';
  /** The first rejected items (at most 100), each with its index, id, page URL and issues. */
  readonly rejected: readonly RejectedItem[];
  /** How many items were rejected in all. */
  readonly rejectedCount: number;

  constructor(input: OcpiRejectedItemsErrorInput) {
    super({
      subject: `${input.subject} list (${describeItems(input.rejected, input.rejectedCount)})`,
      issues: listIssues(input.rejected, input.rejectedCount),
      ...(input.request && { request: input.request }),
    });
    markKind(this, 'OcpiRejectedItemsError');
    this.rejected = input.rejected;
    this.rejectedCount = input.rejectedCount;
  }
}

/** True when `value` is an {@link OcpiRejectedItemsError}, from any realm or package copy. */
export function isOcpiRejectedItemsError(value: unknown): value is OcpiRejectedItemsError {
  return hasKind(value, 'OcpiRejectedItemsError');
}

// `1 rejected item: [1] "L1"`, `3 rejected items: [1] "L1", [4] no id, ...`.
function describeItems(rejected: readonly RejectedItem[], count: number): string {
  const named = rejected.slice(0, ITEMS_IN_MESSAGE).map(({ index, id }) => `[${index}] ${nameOf(id)}`);
  if (count > named.length) named.push('...');
  return `${count} rejected item${count === 1 ? '' : 's'}: ${named.join(', ')}`;
}

function nameOf(id: string | undefined): string {
  if (id === undefined) return 'no id';
  return JSON.stringify(id.length > ID_IN_MESSAGE ? `${id.slice(0, ID_IN_MESSAGE)}...` : id);
}

// Every item's issues with paths from its page; past the described items, one issue counts the rest.
function listIssues(rejected: readonly RejectedItem[], count: number): ValidationIssue[] {
  const issues = rejected.flatMap(({ index, issues }) =>
    issues.map((issue): ValidationIssue => {
      const segments = [index, ...issue.segments];
      return { ...issue, segments, path: formatPath(segments) };
    }),
  );
  if (count > rejected.length) issues.push(omittedIssue(count - rejected.length, 'rejected items', true));
  return issues;
}
