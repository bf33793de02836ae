import { cdrsReceiverOperations } from '../../common/operations/cdrs';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { CDRSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';

/**
 * The CDRs operations: the Sender (typically a CPO) serves the list; the Receiver (typically an
 * eMSP) takes a POST and answers with the stored CDR's URL in the `Location` header, where the CDR
 * can later be read (`getCdr`, at that URL).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc#mod_cdrs_interfaces_and_endpoints
 */
export const CdrsOperations = {
  sender: { list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, CDRSchema) },
  receiver: /*@__PURE__*/ cdrsReceiverOperations(CDRSchema),
} as const;

/** The calls of a partner's CDRs Sender interface (pull its CDRs), bound by `createClient`. */
export interface CdrsSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CdrsOperations.sender, Mode, Unknown> {}
/** The calls of a partner's CDRs Receiver interface (post CDRs to it), bound by `createClient`. */
export interface CdrsReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CdrsOperations.receiver, Mode, Unknown> {}
