import { tariffsReceiverOperations } from '../../common/operations/tariffs';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation, paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { TariffSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { TariffPatchSchema } from '../schemas/tariffs';

/**
 * The Tariffs operations: the CPO serves the list; the eMSP takes pushes. 2.1.1: a PATCH included
 * (2.2.1 drops it: a changed Tariff is PUT whole).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tariffs.md#2-interfaces-and-endpoints
 */
export const TariffsOperations = {
  cpo: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, TariffSchema),
  },
  // Spread: 2.1.1's PATCH joins the operations both versions share.
  emsp: {
    .../*@__PURE__*/ tariffsReceiverOperations(TariffSchema),
    patchTariff: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{tariff_id}',
      request: TariffPatchSchema,
    }),
  },
} as const;

/** The calls of a CPO's Tariffs interface (pull its Tariffs), bound by `createClient`. */
export interface TariffsCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TariffsOperations.cpo, Mode, Unknown> {}
/** The calls of an eMSP's Tariffs interface (push Tariffs to it), bound by `createClient`. */
export interface TariffsEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TariffsOperations.emsp, Mode, Unknown> {}
