import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import {
  ActiveChargingProfileResultSchema,
  ActiveChargingProfileSchema,
  ChargingProfileResponseSchema,
  ChargingProfileResultSchema,
  ClearProfileResultSchema,
  SetChargingProfileSchema,
} from '../generated/schemas';
import {
  ActiveChargingProfileQuerySchema,
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

/** The calls of a CPO's ChargingProfiles Receiver interface (get, set, clear a profile), bound by `createClient`. */
export interface ChargingProfilesReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof ChargingProfilesOperations.receiver, Mode, Unknown> {}
/** The calls of an SCSP's ChargingProfiles Sender interface (post results, put an active profile), bound by `createClient`. */
export interface ChargingProfilesSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof ChargingProfilesOperations.sender, Mode, Unknown> {}
