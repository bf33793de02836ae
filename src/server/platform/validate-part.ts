import type * as z from 'zod/mini';
import { type LenientIssue, parsePayload, type ValidationPolicy } from '../../common/schema/parse';
import type { ValidationIssue } from '../../common/schema/validation-issue';
import { OcpiRefusal } from './ocpi-refusal';

/** What the handler tells the app about what a request's validation tolerated. */
export interface RequestValidationReport {
  /** `locations receiver putLocation body`, `tokens sender list query`... */
  readonly subject: string;
  readonly partnerId: string;
  readonly issues: readonly LenientIssue[];
}

// Enough to say what is wrong; a thousand bad items need not make a thousand-line answer.
const MAX_ANSWERED_ISSUES = 20;

/**
 * Checks one part of a request (query or body) in the handler's mode. A failure is refused with 2001,
 * its message and `data` naming each field at fault by its path (never its value); what lenient mode
 * tolerated goes to `report`.
 */
export function validatePart(
  schema: z.ZodMiniType,
  value: unknown,
  subject: string,
  policy: ValidationPolicy,
  report: (issues: readonly LenientIssue[]) => void,
): unknown {
  const result = parsePayload(schema, value, { ...policy, subject });
  if (!result.success) {
    const fatal = result.error.issues.filter((issue) => issue.fatal);
    throw invalidParameters(fatal.length > 0 ? fatal : result.error.issues);
  }
  if (result.issues.length > 0) report(result.issues);
  return result.data;
}

/** The 2001 refusal of a request whose parts break the spec, naming each field at fault. */
export function invalidParameters(issues: readonly ValidationIssue[]): OcpiRefusal {
  const shown = issues
    .slice(0, MAX_ANSWERED_ISSUES)
    .map(({ path, message }) => ({ path: path.length > 200 ? `${path.slice(0, 200)}...` : path, message }));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  const text = shown.map(({ path, message }) => `${path || '(body)'}: ${message}`).join('; ');
  return new OcpiRefusal(2001, `Invalid or missing parameters: ${text}${more}`, { data: { issues: shown } });
}
