import type * as z from 'zod/mini';
import { parsePayload } from '../../common/schema/parse';

/**
 * Checks what an implementation answers against the spec (strict mode; fields the spec does not define
 * pass, since apps may add their own), so that an app's mistake is found before a partner reads it.
 * A failure is the app's bug: thrown as a TypeError naming the fields at fault, which the handler
 * answers as an internal error (HTTP 500, 3000) and hands to `onError`; nothing of it is sent.
 */
export function checkAnswer(schema: z.ZodMiniType, answer: unknown, subject: string): void {
  const result = parsePayload(schema, answer, { mode: 'strict', unknownFields: 'keep', subject });
  if (result.success) return;
  const fields = result.error.issues
    .slice(0, 10)
    .map(({ path, message }) => `${path || '(value)'}: ${message}`);
  throw new TypeError(`${subject} breaks the spec: ${fields.join('; ')}`);
}
