import { cdrsReceiverOperations } from '../../common/operations/cdrs';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { paginatedOperation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { CDRSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';

/**
 * The CDRs operations: the CPO serves the list; the eMSP takes a POST and answers with the stored
 * CDR's URL in the `Location` header, where it can later be read (`getCdr`, at that URL).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_cdrs.md#2-interfaces-and-endpoints
 */
export const CdrsOperations = {
  cpo: { list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, CDRSchema) },
  emsp: /*@__PURE__*/ cdrsReceiverOperations(CDRSchema),
} as const;

/** The calls of a CPO's CDRs interface (pull its CDRs), bound by `createClient`. */
export interface CdrsCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CdrsOperations.cpo, Mode, Unknown> {}
/** The calls of an eMSP's CDRs interface (post CDRs to it), bound by `createClient`. */
export interface CdrsEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CdrsOperations.emsp, Mode, Unknown> {}
