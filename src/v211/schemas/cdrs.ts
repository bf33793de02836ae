// OCPI 2.1.1 CDRs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_cdrs.md

import { specRule } from '../../common/schema/spec-rule';
import { operation, paginatedOperation } from '../../common/transport/operation';
import * as generated from '../generated/schemas';
import { ListQuerySchema } from './list-query';
import { checkCdr } from './rules';

export {
  type AuthMethod,
  AuthMethodSchema,
  AuthMethodValues,
  type CDR,
  type CdrDimension,
  CdrDimensionSchema,
  type CdrDimensionType,
  CdrDimensionTypeSchema,
  CdrDimensionTypeValues,
  type ChargingPeriod,
  ChargingPeriodSchema,
} from '../generated/schemas';

/**
 * OCPI 2.1.1 `CDR`, with the prose rules of the Location and Tariffs it embeds. 2.1.1: a whole
 * `location`, `stop_date_time` and costs as plain numbers (2.2.1 has a `cdr_location` and `Price`s).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_cdrs.md#31-cdr-object
 */
export const CDRSchema = /*@__PURE__*/ generated.CDRSchema.check(/*@__PURE__*/ specRule(checkCdr));

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
