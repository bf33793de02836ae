import { operation, paginatedOperation } from '../../common/transport/operation';
import { CDRSchema } from '../schemas/cdrs';
import { ListQuerySchema } from '../schemas/list-query';

/**
 * The CDRs operations: the Sender (typically a CPO) serves the list; the Receiver (typically an
 * eMSP) takes a POST and answers with the stored CDR's URL in the `Location` header, where the CDR
 * can later be read (`getCdr`, at that URL).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc#mod_cdrs_interfaces_and_endpoints
 */
export const CdrsOperations = {
  sender: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, CDRSchema),
  },
  receiver: {
    postCdr: /*@__PURE__*/ operation({ method: 'POST', path: '', request: CDRSchema, locationHeader: true }),
    getCdr: /*@__PURE__*/ operation({
      method: 'GET',
      path: '{cdr_location_url}',
      response: CDRSchema,
      externalUrl: true,
    }),
  },
} as const;
