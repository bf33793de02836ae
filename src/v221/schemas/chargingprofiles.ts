// OCPI 2.2.1 ChargingProfiles: the queries of the module's calls. The objects are generated with their
// prose rules (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_charging_profiles.asciidoc
import * as z from 'zod/mini';
import type { InferredOutput, SpecObjectSchema } from '../../common/schema/spec-object';
import { IntSchema, URLSchema } from '../primitives';

/** The query of a GET of the active profile: how many seconds ahead, and where to POST the result. */
export const ActiveChargingProfileQuerySchema: SpecObjectSchema<
  ActiveChargingProfileQueryShape,
  ActiveChargingProfileQuery
> = /*@__PURE__*/ z.strictObject({
  duration: IntSchema,
  response_url: URLSchema,
});
type ActiveChargingProfileQueryShape = { duration: typeof IntSchema; response_url: typeof URLSchema };
export interface ActiveChargingProfileQuery extends InferredOutput<ActiveChargingProfileQueryShape> {}

/** The query of a DELETE of a profile: where to POST the result. */
export const ClearChargingProfileQuerySchema: SpecObjectSchema<
  ClearChargingProfileQueryShape,
  ClearChargingProfileQuery
> = /*@__PURE__*/ z.strictObject({ response_url: URLSchema });
type ClearChargingProfileQueryShape = { response_url: typeof URLSchema };
export interface ClearChargingProfileQuery extends InferredOutput<ClearChargingProfileQueryShape> {}
