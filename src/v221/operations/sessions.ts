import { operation, paginatedOperation } from '../../common/transport/operation';
import { ChargingPreferencesResponseSchema, ChargingPreferencesSchema } from '../generated/schemas';
import { SessionPatchSchema, SessionSchema, SessionsListQuerySchema } from '../schemas/sessions';

const receiverSession = '/{country_code}/{party_id}/{session_id}';

/**
 * The Sessions operations: the Sender (typically a CPO) serves the list and takes Charging
 * Preferences; the Receiver (typically an eMSP) takes pushes.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_sessions.asciidoc#mod_sessions_interfaces_and_endpoints
 */
export const SessionsOperations = {
  sender: {
    list: /*@__PURE__*/ paginatedOperation(SessionsListQuerySchema, SessionSchema),
    putChargingPreferences: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{session_id}/charging_preferences',
      request: ChargingPreferencesSchema,
      response: ChargingPreferencesResponseSchema,
    }),
  },
  receiver: {
    getSession: /*@__PURE__*/ operation({ method: 'GET', path: receiverSession, response: SessionSchema }),
    putSession: /*@__PURE__*/ operation({ method: 'PUT', path: receiverSession, request: SessionSchema }),
    patchSession: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: receiverSession,
      request: SessionPatchSchema,
    }),
  },
} as const;
