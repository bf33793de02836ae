// OCPI 2.2.1 CDRs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc

import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { checkCdr, checkCdrLocation } from './rules';

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
  type CdrLocation,
  type CdrToken,
  CdrTokenSchema,
  type ChargingPeriod,
  ChargingPeriodSchema,
  type SignedData,
  SignedDataSchema,
  type SignedValue,
  SignedValueSchema,
} from '../generated/schemas';

// The spec's prose rules on top of the generated table shapes (see rules.ts).

/** OCPI 2.2.1 `CdrLocation`, its coordinates' format checked. */
export const CdrLocationSchema = /*@__PURE__*/ generated.CdrLocationSchema.check(
  /*@__PURE__*/ specRule(checkCdrLocation),
);

/**
 * OCPI 2.2.1 `CDR`, with the coordinates of its location and the rules of the Tariffs it carries.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc#mod_cdrs_cdr_object
 */
export const CDRSchema = /*@__PURE__*/ generated.CDRSchema.check(/*@__PURE__*/ specRule(checkCdr));
