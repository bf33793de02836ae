// @org/ocpi: the version-independent pieces. Nothing here pulls in 2.1.1 or 2.2.1 code.

export {
  decodeCredential,
  defaultTokenEncoding,
  type FormatAuthorizationOptions,
  formatAuthorizationHeader,
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
export { CommandInbox, type ExpectedResult } from './common/command-inbox';
export {
  type AuthenticatedPartner,
  authenticatePartner,
  confirmCurrentToken,
  type IncomingTokenKind,
  mayUseModule,
} from './common/credentials/authenticate-partner';
export { mintToken } from './common/credentials/mint-token';
export {
  InMemoryPartnerStore,
  type PartnerEndpoint,
  type PartnerRecord,
  type PartnerStore,
  type PartyRole,
} from './common/credentials/partner-store';
export { constantTimeEqual, hashToken } from './common/credentials/token-hash';
export {
  chooseVersion,
  type FetchVersionsOptions,
  fetchVersions,
  type VersionEntry,
  type VersionsResult,
} from './common/discovery';
export { createResponseError, type ResponseOutcome } from './common/errors/create-response-error';
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
export { PageRequest } from './common/http/page-request';
export type { Page } from './common/http/paginate';
export {
  type PartnerUrlPolicy,
  type PartnerUrlPolicyOptions,
  partnerUrlPolicy,
} from './common/http/partner-url-policy';
export type { PartyRef } from './common/http/routing';
export type { CallOptions, RetryPolicy, ValidationReport } from './common/http/transport';
export { findNextLink, type LinkValue, parseLinkHeader } from './common/link-header';
export type { HttpMethod, Operation } from './common/operation';
export {
  type LenientIssue,
  type ParseOptions,
  type ParseResult,
  parsePayload,
  type ValidationMode,
} from './common/parse';
export {
  type ListParseOptions,
  type ListParseResult,
  parseList,
  type RejectedItem,
} from './common/parse-list';
export type { StatusCodeInfo } from './common/status-code-info';
export { isSuccessStatusCode, type StatusCodeRange, statusCodeRange } from './common/status-code-range';
export type { ValidationIssue } from './common/validation-issue';
export type { OcpiVersion } from './common/version';
export { type ConnectOptions, connect, type OcpiClient } from './connect';
export type {
  Registration211Config,
  Registration221Config,
  RegistrationHandlerConfig,
} from './registration/config';
export { createRegistrationHandler, type RegistrationHandler } from './registration/handler';
export {
  readRegistration,
  type UpdateRegistrationOptions,
  unregister,
  updateRegistration,
} from './registration/manage-registration';
export { type RegisterOptions, register } from './registration/register';
