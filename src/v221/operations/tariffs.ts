import { operation, paginatedOperation } from '../../common/transport/operation';
import { ListQuerySchema } from '../schemas/list-query';
import { TariffSchema } from '../schemas/tariffs';

const receiverTariff = '/{country_code}/{party_id}/{tariff_id}';

/**
 * The Tariffs operations. 2.2.1: the Receiver has no PATCH (2.1.1 had one); a changed Tariff is PUT
 * whole.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tariffs.asciidoc#mod_tariffs_interfaces_and_endpoints
 */
export const TariffsOperations = {
  sender: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, TariffSchema),
  },
  receiver: {
    getTariff: /*@__PURE__*/ operation({ method: 'GET', path: receiverTariff, response: TariffSchema }),
    putTariff: /*@__PURE__*/ operation({ method: 'PUT', path: receiverTariff, request: TariffSchema }),
    deleteTariff: /*@__PURE__*/ operation({ method: 'DELETE', path: receiverTariff }),
  },
} as const;
