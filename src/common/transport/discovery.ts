import * as z from 'zod/mini';
import type { TokenEncoding } from '../auth/authorization-header';
import { isOcpiHttpError } from '../errors/ocpi-http-error';
import { OcpiNoCommonVersionError } from '../errors/ocpi-no-common-version-error';
import { normaliseVersion, type OcpiVersion, PREFERRED_VERSIONS } from '../protocol/version';
import type { VersionProfile } from '../protocol/version-profile';
import type { ClientOptions } from './client-options';
import { type CallOptions, createTransport } from './transport';
import { TrustedOrigins } from './trusted-origins';

/** One entry of a partner's versions list, as sent (the version may be one this SDK does not speak). */
export interface VersionEntry {
  version: string;
  url: string;
}

// Only what discovery needs; each version's own schemas check the details strictly later.
const VersionListSchema = /*@__PURE__*/ z.array(
  /*@__PURE__*/ z.object({ version: z.string(), url: z.string() }),
);
const LooseEnvelopeSchema = /*@__PURE__*/ z.object({ status_code: z.int() });

/**
 * What discovery asks of the transport before any version is chosen: each request carries
 * `X-Request-ID` and the flow's `X-Correlation-ID` (a partner that does not know them ignores them), no
 * routing headers (the versions module is not routed), the loose envelope above, and 4xxx read as hub
 * codes (a hub may answer for the partner). Each attempt overrides the token encoding with the one tried.
 */
const DiscoveryProfile: VersionProfile = {
  tokenEncoding: 'base64',
  traceHeaders: true,
  routingHeaders: false,
  hubStatusCodes: true,
  envelopeSchema: LooseEnvelopeSchema,
};

/** What {@link fetchVersions} found: the list and the token encoding the partner accepted. */
export interface VersionsResult {
  versions: VersionEntry[];
  tokenEncoding: TokenEncoding;
  /**
   * True when the partner refused the encodings tried before this one (HTTP 401), so this one is the
   * one it reads. False when the first one was accepted: many versions endpoints are open to any token,
   * so that says nothing about how the rest of the partner's API reads it.
   */
  confirmed: boolean;
}

/**
 * What the calls of one flow (a discovery, a registration) share: abort, and in 2.2.1 one
 * `X-Correlation-ID`.
 */
export interface FlowCallOptions {
  signal?: AbortSignal;
  /** Sent on every 2.2.1 request of the flow; a new one per request when absent. */
  correlationId?: string | undefined;
}

/** The per-call options of a step of such a flow, as a request's `options`. */
export function flowCallOptions(flow: FlowCallOptions): { options?: CallOptions } {
  const options: CallOptions = {
    ...(flow.signal && { signal: flow.signal }),
    ...(flow.correlationId !== undefined && { correlationId: flow.correlationId }),
  };
  return Object.keys(options).length > 0 ? { options } : {};
}

/** Options of {@link fetchVersions}. */
export interface FetchVersionsOptions
  extends Omit<ClientOptions, 'versionsUrl' | 'validation'>,
    FlowCallOptions {
  versionsUrl: string;
  /**
   * The encodings to try, in order, moving on only on HTTP 401. Default: `tokenEncoding` alone when
   * given, else Base64 then raw.
   */
  tokenEncodings?: readonly TokenEncoding[];
}

/**
 * GETs a partner's versions list. Without a `tokenEncoding` it first sends the token Base64-encoded, as
 * 2.2.1 asks, and on HTTP 401 once more as is, as 2.1.1 and many 2.2 servers expect (the spec's own
 * advice: trial and error), and says which one worked.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/version_information_endpoint.asciidoc
 */
export async function fetchVersions(options: FetchVersionsOptions): Promise<VersionsResult> {
  const encodings =
    options.tokenEncodings ?? (options.tokenEncoding ? [options.tokenEncoding] : ['base64', 'raw']);
  // Versions are a configuration module: no routing headers, so no party to send them from.
  const { from: _unrouted, ...shared } = options;
  for (const [index, tokenEncoding] of encodings.entries()) {
    const transport = createTransport({
      ...shared,
      profile: DiscoveryProfile,
      // The encoding being tried, over the profile's and the caller's.
      tokenEncoding,
      trustedOrigins: new TrustedOrigins([options.versionsUrl], options.allowedOrigins),
      validation: 'lenient',
    });
    try {
      const response = await transport.send({
        method: 'GET',
        url: options.versionsUrl,
        module: 'versions',
        data: VersionListSchema,
        subject: 'versions list',
        ...flowCallOptions(options),
      });
      return { versions: response.data, tokenEncoding, confirmed: index > 0 };
    } catch (error) {
      const last = index === encodings.length - 1;
      if (last || !isOcpiHttpError(error) || error.httpStatus !== 401) throw error;
    }
  }
  throw new Error('unreachable: no token encoding was tried');
}

/**
 * The highest version both sides speak, with the URL of its details. A partner's `2.1` is read as
 * 2.1.1, a common real-world shorthand; `2.2` (without `.1`) is a different version and not used.
 * `secrets` are kept out of the error: the labels it quotes come from the partner, which may echo a token.
 *
 * @throws OcpiNoCommonVersionError when there is none.
 */
export function chooseVersion(
  versions: readonly VersionEntry[],
  supported: readonly OcpiVersion[] = PREFERRED_VERSIONS,
  secrets?: readonly string[],
): { version: OcpiVersion; url: string } {
  for (const version of supported) {
    const match = versions.find((entry) => normaliseVersion(entry.version) === version);
    if (match) return { version, url: match.url };
  }
  throw new OcpiNoCommonVersionError(
    versions.map((entry) => entry.version),
    secrets ? { secrets } : {},
  );
}
