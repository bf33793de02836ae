import { operation, paginatedOperation } from '../../common/transport/operation';
import { ClientInfoSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';

const receiverClientInfo = '/{country_code}/{party_id}';

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
      path: receiverClientInfo,
      response: ClientInfoSchema,
    }),
    putClientInfo: /*@__PURE__*/ operation({
      method: 'PUT',
      path: receiverClientInfo,
      request: ClientInfoSchema,
    }),
  },
  sender: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, ClientInfoSchema),
  },
} as const;
