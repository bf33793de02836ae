import type { BoundOperations } from '../../common/transport/bind-operations';
import { operation, paginatedOperation } from '../../common/transport/operation';
import { ClientInfoSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';

/**
 * The HubClientInfo operations (2.2.1: new module): every party connected to a hub receives the
 * connection status of the others; the hub serves the whole list.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_hub_client_info.asciidoc#mod_hub_client_info_client_interface
 */
export const HubClientInfoOperations = {
  receiver: {
    getClientInfo: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{country_code}/{party_id}',
      response: ClientInfoSchema,
    }),
    putClientInfo: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}',
      request: ClientInfoSchema,
    }),
  },
  sender: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, ClientInfoSchema),
  },
} as const;

/** The calls of a party's HubClientInfo Receiver interface (push a client's status to it), bound by `createClient`. */
export interface HubClientInfoReceiverCalls
  extends BoundOperations<typeof HubClientInfoOperations.receiver> {}
/** The calls of a hub's HubClientInfo Sender interface (pull every client's status), bound by `createClient`. */
export interface HubClientInfoSenderCalls extends BoundOperations<typeof HubClientInfoOperations.sender> {}
