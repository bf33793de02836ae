import type * as z from 'zod/mini';
import { toValidationIssues } from '../../src/common/schema/validation-issue';

/** The issues a schema reports for `input`, as path and message only; `[]` when it passes. */
export function issuesOf(schema: z.ZodMiniType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return toValidationIssues(result.error.issues, input).map(({ path, message }) => ({ path, message }));
}
