// OCPI 2.2.1 Sessions: the PATCH body and the list's query. The objects are generated with their prose
// rules (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_sessions.asciidoc
import { defineListQueryFromSchema } from '../../common/schema/list-query';
import { SessionSchema, type SessionShape } from '../generated/schemas';
import { DateTimeSchema } from '../primitives';
import { type PatchBody, type PatchSchema, patchOf } from './patch';

/** A PATCH body for a Session: any of its fields, `last_updated` always, its charging periods checked. */
export const SessionPatchSchema: PatchSchema<SessionShape, SessionPatch> =
  /*@__PURE__*/ patchOf(SessionSchema);
export interface SessionPatch extends PatchBody<SessionShape> {}

/** The query of the Sessions list: unlike the other lists, `date_from` is required. */
export const SessionsListQuerySchema = /*@__PURE__*/ defineListQueryFromSchema(DateTimeSchema);
