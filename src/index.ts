/**
 * The version-independent pieces. Nothing here pulls in 2.1.1 or 2.2.1 code.
 *
 * @module @org/ocpi
 */

export {
  decodeCredential,
  parseAuthorizationHeader,
  type TokenEncoding,
} from './common/auth/authorization-header';
export {
  type AcceptedTokenEncoding,
  matchCredentialsToken,
  type TokenLookup,
  type TokenMatch,
  type TokenMismatchReason,
} from './common/auth/match-credentials-token';
export { CommandInbox } from './common/commands/command-inbox';
export type { CommandResultInbox, ExpectedResult } from './common/commands/command-result-inbox';
export {
  isOcpiAlreadyRegisteredError,
  OcpiAlreadyRegisteredError,
} from './common/errors/ocpi-already-registered-error';
export { isOcpiError, OcpiError, type OcpiRequestInfo } from './common/errors/ocpi-error';
export { isOcpiHttpError, OcpiHttpError } from './common/errors/ocpi-http-error';
export {
  isOcpiInvalidResponseError,
  OcpiInvalidResponseError,
} from './common/errors/ocpi-invalid-response-error';
export {
  isOcpiMissingEndpointError,
  OcpiMissingEndpointError,
} from './common/errors/ocpi-missing-endpoint-error';
export { isOcpiNetworkError, OcpiNetworkError } from './common/errors/ocpi-network-error';
export {
  isOcpiNoCommonVersionError,
  OcpiNoCommonVersionError,
} from './common/errors/ocpi-no-common-version-error';
export {
  isOcpiRejectedItemsError,
  OcpiRejectedItemsError,
} from './common/errors/ocpi-rejected-items-error';
export {
  isOcpiClientStatusError,
  isOcpiHubStatusError,
  isOcpiServerStatusError,
  isOcpiStatusError,
  OcpiClientStatusError,
  OcpiHubStatusError,
  OcpiServerStatusError,
  OcpiStatusError,
} from './common/errors/ocpi-status-error';
export { isOcpiTimeoutError, OcpiTimeoutError } from './common/errors/ocpi-timeout-error';
export { isOcpiUntrustedUrlError, OcpiUntrustedUrlError } from './common/errors/ocpi-untrusted-url-error';
export { isOcpiValidationError, OcpiValidationError } from './common/errors/ocpi-validation-error';
export { isSuccessStatusCode, type StatusCodeRange } from './common/protocol/status-code-range';
export type { OcpiVersion } from './common/protocol/version';
export { type CompiledValidator, registerCompiledValidators } from './common/schema/compiled/registry';
// What a version's compiled validators (validateLocation...) answer for a refused value: one marker for both.
export { type Checked, FAIL, type Fail } from './common/schema/compiled/runtime';
export type { Lenient, ParsedAs, WithExtensions } from './common/schema/lenient-types';
export {
  type LenientIssue,
  type ParseOptions,
  type ParseResult,
  parsePayload,
  type UnknownFields,
  type ValidationMode,
  type ValidationPolicy,
} from './common/schema/parse';
export {
  type ListParseOptions,
  type ListParseResult,
  parseList,
  type RejectedItem,
  type ToleratedItem,
} from './common/schema/parse-list';
export type { ValidationIssue } from './common/schema/validation-issue';
export {
  chooseVersion,
  type FetchVersionsOptions,
  fetchVersions,
  type VersionEntry,
  type VersionsResult,
} from './common/transport/discovery';
export { findNextLink, type LinkValue, parseLinkHeader } from './common/transport/link-header';
export type { Middleware } from './common/transport/middleware';
export type { HttpMethod, Operation } from './common/transport/operation';
export { PageRequest } from './common/transport/page-request';
export type { Page } from './common/transport/paginate';
export {
  type PartnerUrlPolicy,
  type PartnerUrlPolicyOptions,
  partnerUrlPolicy,
} from './common/transport/partner-url-policy';
export type { PartyRef } from './common/transport/routing';
export type { CallOptions, RetryPolicy, ValidationReport } from './common/transport/transport';
export type { StrictCallOptions } from './common/transport/typed-calls';
export {
  PostgresCommandInbox,
  type PostgresCommandInboxOptions,
  postgresCommandInboxSchema,
} from './server/commands/postgres-command-inbox';
export type {
  Registration211Config,
  Registration221Config,
  RegistrationHandlerConfig,
} from './server/config';
export { createRegistrationHandler, type RegistrationHandler } from './server/handler';
export {
  type AuthenticatedPartner,
  authenticatePartner,
  confirmCurrentToken,
  type IncomingTokenKind,
  mayUseModule,
} from './server/partners/authenticate-partner';
export { mintToken } from './server/partners/mint-token';
export {
  InMemoryPartnerStore,
  type PartnerEndpoint,
  type PartnerRecord,
  type PartnerStore,
  type PartyRole,
} from './server/partners/partner-store';
export {
  PostgresPartnerStore,
  type PostgresPartnerStoreOptions,
  postgresPartnerStoreSchema,
} from './server/partners/postgres-partner-store';
export {
  type PGliteQueryable,
  type PgQueryable,
  type PostgresJsSql,
  pgExecutor,
  pgliteExecutor,
  postgresJsExecutor,
  type SqlExecutor,
  type SqlResult,
} from './server/partners/sql-executors';
export {
  type PGliteListenable,
  type PgNotifyingClient,
  type PostgresJsListenable,
  pgListener,
  pgliteListener,
  postgresJsListener,
  type SqlListener,
} from './server/partners/sql-listeners';
export { constantTimeEqual, hashToken } from './server/partners/token-hash';
export { commandResponseUrl, deliverCommandResults } from './server/platform/command-results';
export {
  createOcpiHandler,
  type OcpiHandler,
  type OcpiHandlerConfig,
  registrationConfig,
} from './server/platform/create-ocpi-handler';
export type {
  Implementation,
  InterfaceImplementation,
  ListAnswer,
  ModuleImplementations,
  OcpiAnswer,
  OcpiCall,
  PushOutcome,
  ServedListQuery,
  ServedTable,
} from './server/platform/implementation';
export { isOcpiRefusal, OcpiRefusal, type OcpiRefusalOptions } from './server/platform/ocpi-refusal';
export type { RoutingParties } from './server/platform/routing-parties';
export type { RequestValidationReport } from './server/platform/validate-part';
export type { ServedOperation, VersionService } from './server/platform/version-service';

// The client side: connecting to a partner and registering with it.

export { type ConnectOptions, connect, type OcpiClient } from './client/connect';
export {
  readRegistration,
  type UpdateRegistrationOptions,
  unregister,
  updateRegistration,
} from './client/registration/manage-registration';
export {
  type PartnerClientOptions,
  partnerClient,
} from './client/registration/partner-client';
export { type PostCommandResultOptions, postCommandResult } from './client/registration/post-command-result';
export { type RegisterOptions, register } from './client/registration/register';

// Helpers that take a version label, with each version's facts (src/versions/).

export {
  defaultTokenEncoding,
  type FormatAuthorizationOptions,
  formatAuthorizationHeader,
} from './versions/authorization-header';
export { createResponseError, type ResponseOutcome } from './versions/create-response-error';
export { statusCodeRange } from './versions/status-code-range';
