/**
 * OCPI 2.1.1. Every object, class and enum of the spec as a zod/mini schema and a type,
 * the endpoint payloads, and the envelope and status codes of this version.
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
