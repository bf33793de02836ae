// @org/ocpi/v211: OCPI 2.1.1. The schemas of every module join in later issues.

export { OcpiResponseEnvelopeSchema, OcpiResponseSchema } from './envelope';
// The generated 2.1.1 schemas are curated and exported module by module in the next issue.
export { type DisplayText, DisplayTextSchema } from './generated/schemas';
export {
  BooleanSchema,
  CiString,
  ciEquals,
  type DateTime,
  DateTimeSchema,
  IntSchema,
  int,
  NumberSchema,
  nonEmptyArray,
  string,
  URLSchema,
} from './primitives';
export { describeStatusCode, StatusCode } from './status-codes';
