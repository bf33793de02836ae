// OCPI 2.2.1 Sessions: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_sessions.asciidoc
import type * as z from 'zod/mini';
import { defineListQueryFromSchema } from '../../common/schema/list-query';
import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { DateTimeSchema } from '../primitives';
import { patchOf } from './patch';
import { checkSession } from './rules';

export {
  type ChargingPreferences,
  type ChargingPreferencesResponse,
  ChargingPreferencesResponseSchema,
  ChargingPreferencesResponseValues,
  ChargingPreferencesSchema,
  type ProfileType,
  ProfileTypeSchema,
  ProfileTypeValues,
  type Session,
  type SessionStatus,
  SessionStatusSchema,
  SessionStatusValues,
} from '../generated/schemas';

/**
 * OCPI 2.2.1 `Session`, its charging periods checked: a state of charge is a percentage from 0 to 100.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_sessions.asciidoc#mod_sessions_session_object
 */
export const SessionSchema = /*@__PURE__*/ generated.SessionSchema.check(
  /*@__PURE__*/ specRule(checkSession),
);

/** A PATCH body for a Session: any of its fields, `last_updated` always, its charging periods checked. */
export const SessionPatchSchema = /*@__PURE__*/ patchOf(generated.SessionSchema, checkSession);
export interface SessionPatch extends z.output<typeof SessionPatchSchema> {}

/** The query of the Sessions list: unlike the other lists, `date_from` is required. */
export const SessionsListQuerySchema = /*@__PURE__*/ defineListQueryFromSchema(DateTimeSchema);
export interface SessionsListQuery extends z.output<typeof SessionsListQuerySchema> {}
