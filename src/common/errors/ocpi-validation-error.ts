import type * as z from 'zod/mini';
import { MAX_ISSUES, OMITTED, toValidationIssues, type ValidationIssue } from '../schema/validation-issue';
import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
} from './ocpi-error';
import { scrubIssues } from './scrub-issues';

// The message lists the first few issues; up to MAX_ISSUES stay on `issues`.
const ISSUES_IN_MESSAGE = 5;

/** What {@link OcpiValidationError} is built from. */
export interface OcpiValidationErrorInput {
  /** What was validated, e.g. `Location` or `response envelope`. */
  subject: string;
  issues: readonly ValidationIssue[];
  /** The request whose payload failed, when there was one. */
  request?: OcpiRequestInput;
}

/**
 * A payload did not match its OCPI schema. Each issue is kept with its JSON path, e.g.
 * `evses[2].connectors[0].standard: must be one of "CHADEMO", ...`; past the first 1,000 of a payload
 * (or a page), one `omitted` issue counts the rest. The issues that made it fail (`fatal`) come first,
 * then what lenient mode tolerated, and the message names them in that order:
 * `Invalid Location: 1 fatal issue (evses[0].connectors: required array is missing) and 2 tolerated (...)`.
 *
 * @example
 * const result = LocationSchema.safeParse(body);
 * if (!result.success) throw OcpiValidationError.fromZod('Location', result.error, body);
 */
export class OcpiValidationError extends OcpiError {
  override name = 'OcpiValidationError';
  readonly subject: string;
  readonly issues: readonly ValidationIssue[];
  readonly request: OcpiRequestInfo | undefined;

  constructor(input: OcpiValidationErrorInput) {
    const request = input.request ? describeRequest(input.request) : undefined;
    const where = request ? ` (${request.method} ${request.url})` : '';
    // Paths hold the partner's field names, which may echo our token.
    const issues = fatalFirst(scrubIssues(input.issues, input.request?.secrets));
    super(`Invalid ${input.subject}${where}: ${summarize(issues)}`);
    markKind(this, 'OcpiValidationError');
    this.subject = input.subject;
    this.issues = issues;
    this.request = request;
  }

  /** Builds the error from a failed zod parse of `input` (used to describe issues, never quoted). */
  static fromZod(
    subject: string,
    error: { issues: readonly z.core.$ZodIssue[] },
    input: unknown,
    request?: OcpiRequestInput,
  ): OcpiValidationError {
    const issues = toValidationIssues(error.issues, input, MAX_ISSUES);
    return new OcpiValidationError(request ? { subject, issues, request } : { subject, issues });
  }
}

// An issue counts as fatal unless marked tolerated: one built by hand, or by an older copy of the
// package, is about what failed.
function isFatal(issue: ValidationIssue): boolean {
  return issue.fatal !== false;
}

// Stable: each group keeps its order (a page's issues stay by item).
function fatalFirst(issues: readonly ValidationIssue[]): readonly ValidationIssue[] {
  return [...issues.filter(isFatal), ...issues.filter((issue) => !isFatal(issue))];
}

// One line: `2 fatal issues (a: ...; b: ...) and 3 tolerated (c: ...; and 2 more)`, the fatal ones
// first so that the cause is never cut off; what a cap left out is counted at the end.
function summarize(issues: readonly ValidationIssue[]): string {
  const listed = issues.filter((issue) => issue.code !== OMITTED);
  const notes = issues.filter((issue) => issue.code === OMITTED).map((issue) => `; ${issue.message}`);
  let room = ISSUES_IN_MESSAGE;
  const groups = [true, false].flatMap((fatal) => {
    const group = listed.filter((issue) => isFatal(issue) === fatal);
    if (group.length === 0) return [];
    const shown = group.slice(0, room).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    room -= shown.length;
    if (shown.length > 0 && group.length > shown.length)
      shown.push(`and ${group.length - shown.length} more`);
    const count = fatal
      ? `${group.length} fatal issue${group.length === 1 ? '' : 's'}`
      : `${group.length} tolerated`;
    return [shown.length > 0 ? `${count} (${shown.join('; ')})` : count];
  });
  return `${groups.join(' and ') || 'no issue listed'}${notes.join('')}`;
}

/** True when `value` is an {@link OcpiValidationError}, from any realm or package copy. */
export function isOcpiValidationError(value: unknown): value is OcpiValidationError {
  return hasKind(value, 'OcpiValidationError');
}
