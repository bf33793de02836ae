// OCPI 2.2.1 CDRs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc
import * as z from 'zod/mini';
import { operation } from '../../common/operation';
import { CDRSchema } from '../generated/schemas';
import { ListQuerySchema } from './list-query';

export {
  type AuthMethod,
  AuthMethodSchema,
  AuthMethodValues,
  type CDR,
  CDRSchema,
  type CdrDimension,
  CdrDimensionSchema,
  type CdrDimensionType,
  CdrDimensionTypeSchema,
  CdrDimensionTypeValues,
  type CdrLocation,
  CdrLocationSchema,
  type CdrToken,
  CdrTokenSchema,
  type ChargingPeriod,
  ChargingPeriodSchema,
  type SignedData,
  SignedDataSchema,
  type SignedValue,
  SignedValueSchema,
} from '../generated/schemas';

/**
 * The CDRs operations: the Sender (typically a CPO) serves the list; the Receiver (typically an
 * eMSP) takes a POST and answers with the stored CDR's URL in the `Location` header, where the CDR
 * can later be read (`getCdr`, at that URL).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc#mod_cdrs_interfaces_and_endpoints
 */
export const CdrsOperations = {
  sender: {
    list: /*@__PURE__*/ operation({
      method: 'GET',
      path: '',
      query: ListQuerySchema,
      response: /*@__PURE__*/ z.array(CDRSchema),
      paginated: true,
    }),
  },
  receiver: {
    postCdr: /*@__PURE__*/ operation({ method: 'POST', path: '', request: CDRSchema }),
    getCdr: /*@__PURE__*/ operation({
      method: 'GET',
      path: '{cdr_location_url}',
      response: CDRSchema,
      externalUrl: true,
    }),
  },
} as const;
