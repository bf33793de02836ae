import type { BoundOperations } from '../../common/transport/bind-operations';
import { operation, type Schema } from '../../common/transport/operation';
import {
  type ActiveChargingProfile,
  type ActiveChargingProfileResult,
  ActiveChargingProfileResultSchema,
  ActiveChargingProfileSchema,
  type ChargingProfileResponse,
  ChargingProfileResponseSchema,
  type ChargingProfileResult,
  ChargingProfileResultSchema,
  type ClearProfileResult,
  ClearProfileResultSchema,
  type SetChargingProfile,
  SetChargingProfileSchema,
} from '../generated/schemas';
import {
  type ActiveChargingProfileQuery,
  ActiveChargingProfileQuerySchema,
  type ClearChargingProfileQuery,
  ClearChargingProfileQuerySchema,
} from '../schemas/chargingprofiles';

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
      query: ActiveChargingProfileQuerySchema as Schema<ActiveChargingProfileQuery>,
      response: ChargingProfileResponseSchema as Schema<ChargingProfileResponse>,
    }),
    setProfile: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{session_id}',
      request: SetChargingProfileSchema as Schema<SetChargingProfile>,
      response: ChargingProfileResponseSchema as Schema<ChargingProfileResponse>,
    }),
    clearProfile: /*@__PURE__*/ operation({
      method: 'DELETE',
      path: '/{session_id}',
      query: ClearChargingProfileQuerySchema as Schema<ClearChargingProfileQuery>,
      response: ChargingProfileResponseSchema as Schema<ChargingProfileResponse>,
    }),
  },
  sender: {
    postActiveProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ActiveChargingProfileResultSchema as Schema<ActiveChargingProfileResult>,
      externalUrl: true,
    }),
    postProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ChargingProfileResultSchema as Schema<ChargingProfileResult>,
      externalUrl: true,
    }),
    postClearProfileResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: ClearProfileResultSchema as Schema<ClearProfileResult>,
      externalUrl: true,
    }),
    putActiveProfile: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{session_id}',
      request: ActiveChargingProfileSchema as Schema<ActiveChargingProfile>,
    }),
  },
} as const;

/** The calls of a CPO's ChargingProfiles Receiver interface (get, set, clear a profile), bound by `createClient`. */
export interface ChargingProfilesReceiverCalls
  extends BoundOperations<typeof ChargingProfilesOperations.receiver> {}
/** The calls of an SCSP's ChargingProfiles Sender interface (post results, put an active profile), bound by `createClient`. */
export interface ChargingProfilesSenderCalls
  extends BoundOperations<typeof ChargingProfilesOperations.sender> {}
