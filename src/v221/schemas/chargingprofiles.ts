// OCPI 2.2.1 ChargingProfiles: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_charging_profiles.asciidoc
import * as z from 'zod/mini';
import { operation } from '../../common/operation';
import {
  ActiveChargingProfileResultSchema,
  ActiveChargingProfileSchema,
  ChargingProfileResponseSchema,
  ChargingProfileResultSchema,
  ClearProfileResultSchema,
  SetChargingProfileSchema,
} from '../generated/schemas';
import { IntSchema, URLSchema } from '../primitives';

export {
  type ActiveChargingProfile,
  type ActiveChargingProfileResult,
  ActiveChargingProfileResultSchema,
  ActiveChargingProfileSchema,
  type ChargingProfile,
  type ChargingProfilePeriod,
  ChargingProfilePeriodSchema,
  type ChargingProfileResponse,
  ChargingProfileResponseSchema,
  type ChargingProfileResponseType,
  ChargingProfileResponseTypeSchema,
  ChargingProfileResponseTypeValues,
  type ChargingProfileResult,
  ChargingProfileResultSchema,
  type ChargingProfileResultType,
  ChargingProfileResultTypeSchema,
  ChargingProfileResultTypeValues,
  ChargingProfileSchema,
  type ChargingRateUnit,
  ChargingRateUnitSchema,
  ChargingRateUnitValues,
  type ClearProfileResult,
  ClearProfileResultSchema,
  type SetChargingProfile,
  SetChargingProfileSchema,
} from '../generated/schemas';

/** The query of a GET of the active profile: how many seconds ahead, and where to POST the result. */
export const ActiveChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({
  duration: IntSchema,
  response_url: URLSchema,
});
export type ActiveChargingProfileQuery = z.infer<typeof ActiveChargingProfileQuerySchema>;

/** The query of a DELETE of a profile: where to POST the result. */
export const ClearChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({ response_url: URLSchema });
export type ClearChargingProfileQuery = z.infer<typeof ClearChargingProfileQuerySchema>;

/**
 * The ChargingProfiles operations (2.2.1: new module). The Receiver (typically a CPO) answers each
 * request at once with a `ChargingProfileResponse` and POSTs the outcome later to the `response_url`;
 * it may also PUT an updated active profile to the Sender (typically an SCSP) by itself.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_charging_profiles.asciidoc#mod_charging_profiles_interfaces_and_endpoints
 */
export const ChargingProfilesOperations = {
  receiver: {
    getActiveProfile: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{session_id}',
      query: ActiveChargingProfileQuerySchema,
      response: ChargingProfileResponseSchema,
    }),
    setProfile: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{session_id}',
      request: SetChargingProfileSchema,
      response: ChargingProfileResponseSchema,
    }),
    clearProfile: /*@__PURE__*/ operation({
      method: 'DELETE',
      path: '/{session_id}',
      query: ClearChargingProfileQuerySchema,
      response: ChargingProfileResponseSchema,
    }),
  },
  sender: {
    postActiveProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ActiveChargingProfileResultSchema,
      externalUrl: true,
    }),
    postProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ChargingProfileResultSchema,
      externalUrl: true,
    }),
    postClearProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ClearProfileResultSchema,
      externalUrl: true,
    }),
    putActiveProfile: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{session_id}',
      request: ActiveChargingProfileSchema,
    }),
  },
} as const;
