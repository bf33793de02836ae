import type { TokenEncoding } from '../common/auth/authorization-header';
import type { PartnerEndpoint } from '../common/credentials/partner-store';
import { fetchVersions, flowCallOptions, normaliseVersion, type VersionsResult } from '../common/discovery';
import { isOcpiHttpError } from '../common/errors/ocpi-http-error';
import { isOcpiInvalidResponseError } from '../common/errors/ocpi-invalid-response-error';
import { isOcpiNetworkError } from '../common/errors/ocpi-network-error';
import { isOcpiStatusError } from '../common/errors/ocpi-status-error';
import { isOcpiTimeoutError } from '../common/errors/ocpi-timeout-error';
import { isOcpiValidationError } from '../common/errors/ocpi-validation-error';
import { createTransport } from '../common/http/transport';
import { TrustedOrigins } from '../common/http/trusted-origins';
import type { OcpiVersion } from '../common/version';
import { OcpiResponseEnvelopeSchema as Envelope211Schema } from '../v211/envelope';
import { VersionDetailsSchema as VersionDetails211Schema } from '../v211/schemas/versions';
import { OcpiResponseEnvelopeSchema as Envelope221Schema } from '../v221/envelope';
import { VersionDetailsSchema as VersionDetails221Schema } from '../v221/schemas/versions';
import type { RegistrationHandlerConfig } from './config';
import { allowsPartnerUrl, refusedEndpoint } from './partner-url';

/** What the initiator's API told us: the version of the endpoint called, and its endpoints there. */
export interface InitiatorApi {
  version: OcpiVersion;
  versionUrl: string;
  endpoints: PartnerEndpoint[];
  /** The token encoding the initiator accepted: how we send token B from now on. */
  tokenEncoding: TokenEncoding;
}

/** The initiator's API, or the status code to answer its POST or PUT with. */
export type InitiatorResult =
  | { ok: true; api: InitiatorApi }
  | { ok: false; statusCode: 3001 | 3002; message: string };

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRY = { limit: 1 };

/**
 * Calls the initiator back with token B, as the registration sequence asks: GET its versions, take the
 * version of the credentials endpoint it called (the endpoint decides, not the highest common
 * version; `2.1` counts as 2.1.1), GET that version's details. Any failure to use its API is 3001
 * (credentials, "Errors during registration"); no such version in its list is 3002.
 */
export async function callInitiator(
  config: RegistrationHandlerConfig,
  input: {
    versionsUrl: string;
    token: string;
    version: OcpiVersion;
    callerEncoding: TokenEncoding;
    correlationId: string | undefined;
  },
): Promise<InitiatorResult> {
  const settings = {
    token: input.token,
    timeout: config.timeout ?? DEFAULT_TIMEOUT,
    retry: config.retry ?? DEFAULT_RETRY,
    ...(config.fetch && { fetch: config.fetch }),
    ...(config.maxResponseBytes !== undefined && { maxResponseBytes: config.maxResponseBytes }),
  };

  let listed: VersionsResult;
  try {
    listed = await fetchVersions({
      ...settings,
      versionsUrl: input.versionsUrl,
      tokenEncodings: tokenEncodings(input.version, input.callerEncoding),
      correlationId: input.correlationId,
    });
  } catch (error) {
    return unusable('GET versions', error);
  }
  const { versions, tokenEncoding } = listed;

  const entry = versions.find((candidate) => normaliseVersion(candidate.version) === input.version);
  if (entry === undefined) {
    const offered = versions.map((candidate) => candidate.version.slice(0, 10)).join(', ') || 'none';
    return {
      ok: false,
      statusCode: 3002,
      message: `Unsupported version: the initiator does not list ${input.version} (it lists ${offered})`,
    };
  }

  // Both URLs below come from the initiator's own answers: the same policy as for its versions URL, and
  // refused before any request, so that the answer never tells whether some other host would respond.
  if (!allowsPartnerUrl(config, entry.url)) {
    return refused('its version details URL is not one we call');
  }

  try {
    const transport = createTransport({
      ...settings,
      version: input.version,
      tokenEncoding,
      envelopeSchema: input.version === '2.2.1' ? Envelope221Schema : Envelope211Schema,
      // The initiator named both URLs itself: its versions URL in its credentials, the details URL in
      // its versions list. The token goes nowhere else.
      trustedOrigins: new TrustedOrigins([input.versionsUrl, entry.url]),
      validation: config.validation ?? 'lenient',
    });
    const request = {
      method: 'GET',
      url: entry.url,
      module: 'versions',
      subject: 'version details',
      ...flowCallOptions({ correlationId: input.correlationId }),
    } as const;
    const details =
      input.version === '2.2.1'
        ? (await transport.send({ ...request, data: VersionDetails221Schema })).data.endpoints
        : (await transport.send({ ...request, data: VersionDetails211Schema })).data.endpoints;
    const endpoints = details.map((endpoint): PartnerEndpoint => ({ ...endpoint }));
    // We would call these later, for the app: none may point where we do not call.
    if (refusedEndpoint(config, endpoints)) {
      return refused('it lists an endpoint URL that is not one we call');
    }
    return { ok: true, api: { version: input.version, versionUrl: entry.url, endpoints, tokenEncoding } };
  } catch (error) {
    return unusable('GET version details', error);
  }
}

/**
 * How to send token B: the endpoint version's way (2.1.1 raw, 2.2.1 Base64), except that a 2.2.1 caller
 * whose own header was raw is answered in kind, since a party that does not encode usually does not
 * decode either. On HTTP 401 the other encoding is tried once: the spec's own advice for partners of
 * mixed habits is trial and error (transport_and_format, "Authorization header", note).
 */
export function tokenEncodings(version: OcpiVersion, callerEncoding: TokenEncoding): TokenEncoding[] {
  const first: TokenEncoding = version === '2.1.1' || callerEncoding === 'raw' ? 'raw' : 'base64';
  return [first, first === 'raw' ? 'base64' : 'raw'];
}

// Says what went wrong in terms of the call, never with the error's own text or anything it carries.
function unusable(step: string, error: unknown): InitiatorResult {
  return {
    ok: false,
    statusCode: 3001,
    message: `Could not use the initiator's API: ${step}: ${reason(error)}`,
  };
}

function refused(why: string): InitiatorResult {
  return { ok: false, statusCode: 3001, message: `Could not use the initiator's API: ${why}` };
}

function reason(error: unknown): string {
  if (isOcpiHttpError(error)) return `HTTP ${error.status}`;
  if (isOcpiStatusError(error)) return `status_code ${error.statusCode}`;
  if (isOcpiTimeoutError(error)) return 'timed out';
  if (isOcpiNetworkError(error)) return 'unreachable';
  if (isOcpiValidationError(error)) return `invalid ${error.subject}`;
  if (isOcpiInvalidResponseError(error)) return error.reason;
  return 'failed';
}
