// OCPI 2.1.1 CDRs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_cdrs.md

import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
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
