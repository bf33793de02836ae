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
 * (or a page), one `omitted` issue counts the rest.
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
    const issues = scrubIssues(input.issues, input.request?.secrets);
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

function summarize(issues: readonly ValidationIssue[]): string {
  // What a cap left out is counted, not listed: its note goes at the end.
  const listed = issues.filter((issue) => issue.code !== OMITTED);
  const notes = issues.filter((issue) => issue.code === OMITTED).map((issue) => `; ${issue.message}`);
  const shown = listed
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
  const more = listed.length - shown.length;
  const count = `${listed.length} issue${listed.length === 1 ? '' : 's'}`;
  return `${count}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}${notes.join('')}`;
}

/** True when `value` is an {@link OcpiValidationError}, from any realm or package copy. */
export function isOcpiValidationError(value: unknown): value is OcpiValidationError {
  return hasKind(value, 'OcpiValidationError');
}
