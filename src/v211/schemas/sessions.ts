// OCPI 2.1.1 Sessions: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_sessions.md
import type * as z from 'zod/mini';
import { defineListQueryFromSchema } from '../../common/schema/list-query';
import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { DateTimeSchema } from '../primitives';
import { patchOf } from './patch';
import { checkSession } from './rules';

export {
  type Session,
  type SessionStatus,
  SessionStatusSchema,
  SessionStatusValues,
} from '../generated/schemas';

/**
 * OCPI 2.1.1 `Session`, with the prose rules of the Location it embeds. 2.1.1: `start_datetime`,
 * `auth_id` and a whole `location` (2.2.1 has `start_date_time`, a `cdr_token` and ids instead).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_sessions.md#31-session-object
 */
export const SessionSchema = /*@__PURE__*/ generated.SessionSchema.check(
  /*@__PURE__*/ specRule(checkSession),
);

/** A PATCH body for a Session: any of its fields (2.1.1: `last_updated` optional). */
export const SessionPatchSchema = /*@__PURE__*/ patchOf(generated.SessionSchema, checkSession);
export interface SessionPatch extends z.output<typeof SessionPatchSchema> {}

/** The query of the Sessions list: unlike the other lists, `date_from` is required. */
export const SessionsListQuerySchema = /*@__PURE__*/ defineListQueryFromSchema(DateTimeSchema);
export interface SessionsListQuery extends z.output<typeof SessionsListQuerySchema> {}
