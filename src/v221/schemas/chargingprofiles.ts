// OCPI 2.2.1 ChargingProfiles: the queries of the module's calls. The objects are generated with their
// prose rules (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_charging_profiles.asciidoc
import * as z from 'zod/mini';
import { IntSchema, URLSchema } from '../primitives';

/** The query of a GET of the active profile: how many seconds ahead, and where to POST the result. */
export const ActiveChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({
  duration: IntSchema,
  response_url: URLSchema,
});
export interface ActiveChargingProfileQuery extends z.output<typeof ActiveChargingProfileQuerySchema> {}

/** The query of a DELETE of a profile: where to POST the result. */
export const ClearChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({ response_url: URLSchema });
export interface ClearChargingProfileQuery extends z.output<typeof ClearChargingProfileQuerySchema> {}
