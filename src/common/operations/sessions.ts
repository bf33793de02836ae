import { operation, type Schema } from '../transport/operation';

/**
 * The Sessions interface of the party that receives them (the eMSP; 2.2.1 calls it the Receiver): read
 * back, push whole (PUT) or in part (PATCH) one Session, addressed by the CPO's country code and party id.
 */
/* @__NO_SIDE_EFFECTS__ */
export function sessionsReceiverOperations<Session, SessionPatch>(
  session: Schema<Session>,
  patch: Schema<SessionPatch>,
) {
  return {
    getSession: operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{session_id}',
      response: session,
    }),
    putSession: operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{session_id}',
      request: session,
    }),
    patchSession: operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{session_id}',
      request: patch,
    }),
  } as const;
}
