// @org/ocpi/v211: OCPI 2.1.1. The schemas of every module join in later issues.

export { OcpiResponseEnvelopeSchema, OcpiResponseSchema } from './envelope';
export { describeStatusCode, StatusCode } from './status-codes';
export {
  CiString,
  ciEquals,
  type DateTime,
  DateTimeSchema,
  type DisplayText,
  DisplayTextSchema,
  IntSchema,
  NumberSchema,
  string,
  URLSchema,
} from './types';
