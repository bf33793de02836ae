import { tariffsReceiverOperations } from '../../common/operations/tariffs';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { TariffSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';

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
  receiver: /*@__PURE__*/ tariffsReceiverOperations(TariffSchema),
} as const;

/** The calls of a partner's Tariffs Sender interface (pull its Tariffs), bound by `createClient`. */
export interface TariffsSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TariffsOperations.sender, Mode, Unknown> {}
/** The calls of a partner's Tariffs Receiver interface (push Tariffs to it), bound by `createClient`. */
export interface TariffsReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TariffsOperations.receiver, Mode, Unknown> {}
