import { operation, paginatedOperation } from '../../common/transport/operation';
import { ListQuerySchema } from '../schemas/list-query';
import { TariffPatchSchema, TariffSchema } from '../schemas/tariffs';

const emspTariff = '/{country_code}/{party_id}/{tariff_id}';

/**
 * The Tariffs operations: the CPO serves the list; the eMSP takes pushes, PATCH included.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tariffs.md#2-interfaces-and-endpoints
 */
export const TariffsOperations = {
  cpo: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, TariffSchema),
  },
  emsp: {
    getTariff: /*@__PURE__*/ operation({ method: 'GET', path: emspTariff, response: TariffSchema }),
    putTariff: /*@__PURE__*/ operation({ method: 'PUT', path: emspTariff, request: TariffSchema }),
    patchTariff: /*@__PURE__*/ operation({ method: 'PATCH', path: emspTariff, request: TariffPatchSchema }),
    deleteTariff: /*@__PURE__*/ operation({ method: 'DELETE', path: emspTariff }),
  },
} as const;
