import { operation, paginatedOperation } from '../../common/transport/operation';
import { SessionPatchSchema, SessionSchema, SessionsListQuerySchema } from '../schemas/sessions';

const emspSession = '/{country_code}/{party_id}/{session_id}';

/**
 * The Sessions operations: the CPO serves the list; the eMSP takes pushes.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_sessions.md#2-interfaces-and-endpoints
 */
export const SessionsOperations = {
  cpo: {
    list: /*@__PURE__*/ paginatedOperation(SessionsListQuerySchema, SessionSchema),
  },
  emsp: {
    getSession: /*@__PURE__*/ operation({ method: 'GET', path: emspSession, response: SessionSchema }),
    putSession: /*@__PURE__*/ operation({ method: 'PUT', path: emspSession, request: SessionSchema }),
    patchSession: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: emspSession,
      request: SessionPatchSchema,
    }),
  },
} as const;
