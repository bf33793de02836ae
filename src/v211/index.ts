/**
 * OCPI 2.1.1. Every object, class and enum of the spec as a zod/mini schema and a type,
 * the endpoint payloads, and the envelope and status codes of this version.
 *
 * Beside each object schema (`LocationSchema`) sits its compiled validator (`validateLocation`): plain
 * generated code, no zod, that returns the value as strict parsing of the schema would (a fresh object,
 * unknown fields and `null`s left out) or `FAIL` (from `@org/ocpi`) when strict parsing would refuse it. Each enum has
 * a guard (`isStatus`, `isConnectorType`) that says whether a value is one of its values. Use them where
 * only valid data matters and every byte or microsecond counts: a front end checking a payload, a hot
 * path that drops what fails. Use the schemas when you need to know what is wrong (issues with paths),
 * lenient parsing, extension fields kept, or a schema to compose; `parsePayload` and `parseList` give
 * both, answering clean data through the compiled validators once they are registered.
 *
 * @module @org/ocpi/v211
 */

// Alike in both versions: declared once in common/.
export type { ListQuery, SessionsListQuery } from '../common/schema/list-query';
export { type Client211, type Client211Options, createClient } from './client';
export { OcpiResponseEnvelopeSchema, OcpiResponseSchema } from './envelope';
// Each object schema with its compiled validator, for registerCompiledValidators() (createClient and
// serveVersion register them themselves).
export { compiledPairs } from './generated/compiled-pairs';
// The schemas: every object, class and enum of the spec (with its prose rules), the primitive types, and
// what the curated layer (schemas/) adds, in the list scripts/codegen writes.
export * from './generated/exports';
// The compiled validators by name (validateLocation...) and the enum guards (isStatus...): see the module
// comment above. FAIL, what they answer for a refused value, is one for both versions: the root's.
export * from './generated/validators';
export { type CommandBodies, type CommandOutcome, sendCommand } from './send-command';
export {
  type Implementations,
  type ServedOperations,
  ServedPaths,
  type ServeVersionConfig,
  serveVersion,
} from './serve-version';
export { describeStatusCode, StatusCode, type StatusCodeInfo } from './status-codes';

// The operations tables, one per module: what the client is bound from.

export { Operations } from './operations';
export { CdrsOperations } from './operations/cdrs';
export { CommandsOperations } from './operations/commands';
export { CredentialsOperations } from './operations/credentials';
export { LocationsOperations } from './operations/locations';
export { SessionsOperations } from './operations/sessions';
export { TariffsOperations } from './operations/tariffs';
export { TokensOperations } from './operations/tokens';
export { VersionsOperations } from './operations/versions';
