import { sessionsReceiverOperations } from '../../common/operations/sessions';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { SessionSchema } from '../generated/schemas';
import { SessionPatchSchema, SessionsListQuerySchema } from '../schemas/sessions';

/**
 * The Sessions operations: the CPO serves the list; the eMSP takes pushes.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_sessions.md#2-interfaces-and-endpoints
 */
export const SessionsOperations = {
  cpo: {
    list: /*@__PURE__*/ paginatedOperation(SessionsListQuerySchema, SessionSchema),
  },
  emsp: /*@__PURE__*/ sessionsReceiverOperations(SessionSchema, SessionPatchSchema),
} as const;

/** The calls of a CPO's Sessions interface (pull its Sessions), bound by `createClient`. */
export interface SessionsCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof SessionsOperations.cpo, Mode, Unknown> {}
/** The calls of an eMSP's Sessions interface (push Sessions to it), bound by `createClient`. */
export interface SessionsEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof SessionsOperations.emsp, Mode, Unknown> {}
