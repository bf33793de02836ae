import { operation, paginatedOperation } from '../../common/transport/operation';
import { CDRSchema } from '../schemas/cdrs';
import { ListQuerySchema } from '../schemas/list-query';

/**
 * The CDRs operations: the CPO serves the list; the eMSP takes a POST and answers with the stored
 * CDR's URL in the `Location` header, where it can later be read (`getCdr`, at that URL).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_cdrs.md#2-interfaces-and-endpoints
 */
export const CdrsOperations = {
  cpo: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, CDRSchema),
  },
  emsp: {
    postCdr: /*@__PURE__*/ operation({ method: 'POST', path: '', request: CDRSchema, locationHeader: true }),
    getCdr: /*@__PURE__*/ operation({
      method: 'GET',
      path: '{cdr_location_url}',
      response: CDRSchema,
      externalUrl: true,
    }),
  },
} as const;
