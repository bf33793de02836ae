import { operation, type Schema } from '../transport/operation';

/**
 * The Tariffs interface of the party that receives them (the eMSP; 2.2.1 calls it the Receiver): one
 * Tariff read, stored whole or removed by its id. 2.1.1 adds a PATCH beside these.
 */
/* @__NO_SIDE_EFFECTS__ */
export function tariffsReceiverOperations<Tariff>(tariff: Schema<Tariff>) {
  const path = '/{country_code}/{party_id}/{tariff_id}';
  return {
    getTariff: operation({ method: 'GET', path, response: tariff }),
    putTariff: operation({ method: 'PUT', path, request: tariff }),
    deleteTariff: operation({ method: 'DELETE', path }),
  } as const;
}
