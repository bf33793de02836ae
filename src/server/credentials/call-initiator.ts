import { refusedUrl } from '../../client/discover-partner';
import { keptEndpoints } from '../../client/partner-endpoints';
import type { TokenEncoding } from '../../common/auth/authorization-header';
import { OcpiNoCommonVersionError } from '../../common/errors/ocpi-no-common-version-error';
import { normaliseVersion, type OcpiVersion } from '../../common/protocol/version';
import { fetchVersions, flowCallOptions, type VersionsResult } from '../../common/transport/discovery';
import { createTransport } from '../../common/transport/transport';
import { TrustedOrigins } from '../../common/transport/trusted-origins';
import { Profile as Profile211 } from '../../v211/profile';
import { VersionDetailsSchema as VersionDetails211Schema } from '../../v211/schemas/versions';
import { Profile as Profile221 } from '../../v221/profile';
import { VersionDetailsSchema as VersionDetails221Schema } from '../../v221/schemas/versions';
import type { RegistrationHandlerConfig } from '../config';
import type { PartnerEndpoint } from '../partners/partner-store';
import { allowsPartnerUrl } from './partner-url';

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
// A versions list and a version details of at most 100 endpoints fit in a few KB: a larger answer is an
// attempt to make an invited partner's POST cost us seconds of parsing, whatever the clients may read.
const MAX_CALLBACK_RESPONSE_BYTES = 256 * 1024;

/**
 * Calls the initiator back with token B, as the registration sequence asks: GET its versions, take the
 * version of the credentials endpoint it called (the endpoint decides, not the highest common
 * version; `2.1` counts as 2.1.1), GET that version's details. Any failure to use its API is 3001
 * (credentials, "Errors during registration"); no such version in its list is 3002.
 *
 * Every 3001 carries the same message, whatever failed: a URL our policy refuses, an HTTP error, a
 * timeout, an unreachable host or an unreadable answer. Telling them apart would let a partner map what
 * our server can reach (an oracle for its SSRF); the app hears the real error via `onCallbackError`.
 */
export async function callInitiator(
  config: RegistrationHandlerConfig,
  input: {
    versionsUrl: string;
    token: string;
    version: OcpiVersion;
    callerEncoding: TokenEncoding;
    correlationId: string | undefined;
    /** Our id of the partner, for `onCallbackError`. */
    partnerId: string;
  },
): Promise<InitiatorResult> {
  const failed = (error: unknown): InitiatorResult => {
    tellApp(config, error, input.partnerId);
    return CALLBACK_FAILED;
  };
  const requireAllowed = async (url: string) => {
    if (!(await allowsPartnerUrl(config, url))) throw refusedUrl(url, input.token);
  };
  // The initiator decides which URLs we call, each named in its own answers: the same policy for all,
  // applied before any request to them.
  if (!(await allowsPartnerUrl(config, input.versionsUrl))) {
    return failed(refusedUrl(input.versionsUrl, input.token));
  }
  const settings = {
    token: input.token,
    timeout: config.timeout ?? DEFAULT_TIMEOUT,
    retry: config.retry ?? DEFAULT_RETRY,
    ...(config.fetch && { fetch: config.fetch }),
    ...(config.unknownFields && { unknownFields: config.unknownFields }),
    maxResponseBytes: Math.min(
      config.maxResponseBytes ?? Number.POSITIVE_INFINITY,
      MAX_CALLBACK_RESPONSE_BYTES,
    ),
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
    return failed(error);
  }
  const { versions, tokenEncoding } = listed;

  const entry = versions.find((candidate) => normaliseVersion(candidate.version) === input.version);
  if (entry === undefined) {
    // About the protocol, not our network: said plainly, without echoing what the initiator listed.
    tellApp(
      config,
      new OcpiNoCommonVersionError(
        versions.map((candidate) => candidate.version),
        { secrets: [input.token] },
      ),
      input.partnerId,
    );
    return {
      ok: false,
      statusCode: 3002,
      message: `Unsupported version: the initiator's versions list has no ${input.version}`,
    };
  }
  if (!(await allowsPartnerUrl(config, entry.url))) return failed(refusedUrl(entry.url, input.token));

  let endpoints: PartnerEndpoint[];
  try {
    const transport = createTransport({
      ...settings,
      // The profile of the version whose endpoint we call.
      profile: input.version === '2.2.1' ? Profile221 : Profile211,
      tokenEncoding,
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
    // We store them, and would call them later for the app: none may point where we do not call, and
    // all are held to the spec whatever the validation mode.
    endpoints = await keptEndpoints(
      input.version,
      { versionUrl: entry.url, endpoints: details },
      requireAllowed,
    );
  } catch (error) {
    return failed(error);
  }
  return { ok: true, api: { version: input.version, versionUrl: entry.url, endpoints, tokenEncoding } };
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

/** The one answer to every failure to use the initiator's API: it says nothing about why. */
const CALLBACK_FAILED: InitiatorResult = {
  ok: false,
  statusCode: 3001,
  message: "Could not use the initiator's API with the versions URL and token it sent",
};

function tellApp(config: RegistrationHandlerConfig, error: unknown, partnerId: string): void {
  try {
    config.onCallbackError?.(error, { partnerId });
  } catch {
    // The hook is for the app's eyes; a failing one must not change the answer.
  }
}
