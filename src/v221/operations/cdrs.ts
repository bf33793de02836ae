import { cdrsReceiverOperations } from '../../common/operations/cdrs';
import type { BoundOperations } from '../../common/transport/bind-operations';
import { paginatedOperation } from '../../common/transport/operation';
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
export interface CdrsSenderCalls extends BoundOperations<typeof CdrsOperations.sender> {}
/** The calls of a partner's CDRs Receiver interface (post CDRs to it), bound by `createClient`. */
export interface CdrsReceiverCalls extends BoundOperations<typeof CdrsOperations.receiver> {}
