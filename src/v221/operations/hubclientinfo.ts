import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation, paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
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
export interface HubClientInfoReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof HubClientInfoOperations.receiver, Mode, Unknown> {}
/** The calls of a hub's HubClientInfo Sender interface (pull every client's status), bound by `createClient`. */
export interface HubClientInfoSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof HubClientInfoOperations.sender, Mode, Unknown> {}
