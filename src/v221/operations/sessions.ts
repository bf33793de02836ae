import { sessionsReceiverOperations } from '../../common/operations/sessions';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation, paginatedOperation, type Schema } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import {
  type ChargingPreferencesResponse,
  ChargingPreferencesResponseSchema,
  ChargingPreferencesSchema,
  SessionSchema,
} from '../generated/schemas';
import { SessionPatchSchema, SessionsListQuerySchema } from '../schemas/sessions';

/**
 * The Sessions operations: the Sender (typically a CPO) serves the list and, 2.2.1: new, takes a
 * driver's Charging Preferences; the Receiver (typically an eMSP) takes pushes.
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
      // An enum schema's output prints as its values spelled out; the cast keeps the name in hovers.
      response: ChargingPreferencesResponseSchema as Schema<ChargingPreferencesResponse>,
    }),
  },
  receiver: /*@__PURE__*/ sessionsReceiverOperations(SessionSchema, SessionPatchSchema),
} as const;

/** The calls of a partner's Sessions Sender interface (pull its Sessions), bound by `createClient`. */
export interface SessionsSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof SessionsOperations.sender, Mode, Unknown> {}
/** The calls of a partner's Sessions Receiver interface (push Sessions to it), bound by `createClient`. */
export interface SessionsReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof SessionsOperations.receiver, Mode, Unknown> {}
