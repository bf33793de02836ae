import type { TransportOptions } from './transport';
import type { TrustedOrigins } from './trusted-origins';

/** What every versioned client takes, besides its endpoints. */
export interface ClientOptions
  extends Omit<TransportOptions, 'version' | 'envelopeSchema' | 'trustedOrigins'> {
  /** The partner's versions URL, if known: its origin is trusted with the token. */
  versionsUrl?: string;
  /** The partner's version details URL, if known: its origin is trusted with the token. */
  versionUrl?: string;
  /**
   * More origins the token may be sent to, beyond those of the partner's versions and endpoint URLs
   * (e.g. a CDN its `Link` headers point to). Anything else is refused before sending. Each must be an
   * http(s) URL: creating the client throws a `TypeError` otherwise.
   */
  allowedOrigins?: readonly string[];
}

/**
 * The partner's URLs a client knows, whose origins it trusts with the token (when http(s)); the user's
 * `allowedOrigins` go to {@link TrustedOrigins} on their own, as those must be http(s).
 */
export function partnerUrls(options: ClientOptions, endpointUrls: readonly string[]): string[] {
  return [
    ...endpointUrls,
    ...(options.versionsUrl ? [options.versionsUrl] : []),
    ...(options.versionUrl ? [options.versionUrl] : []),
  ];
}
