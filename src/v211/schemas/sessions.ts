// OCPI 2.1.1 Sessions: the PATCH body and the list's query. The objects are generated with their prose
// rules (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_sessions.md
import { defineListQueryFromSchema } from '../../common/schema/list-query';
import { SessionSchema, type SessionShape } from '../generated/schemas';
import { DateTimeSchema } from '../primitives';
import { type PatchBody, type PatchSchema, patchOf } from './patch';
import * as rules from './spec-rules';

/** A PATCH body for a Session: any of its fields (2.1.1: `last_updated` optional). */
export const SessionPatchSchema: PatchSchema<SessionShape, SessionPatch> = /*@__PURE__*/ patchOf(
  SessionSchema,
  rules.Session,
);
export interface SessionPatch extends PatchBody<SessionShape> {}

/** The query of the Sessions list: unlike the other lists, `date_from` is required. */
export const SessionsListQuerySchema = /*@__PURE__*/ defineListQueryFromSchema(DateTimeSchema);
