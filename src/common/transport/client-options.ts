import type { TransportOptions } from './transport';
import type { TrustedOrigins } from './trusted-origins';

/** What every versioned client takes, besides its endpoints. */
export interface ClientOptions extends Omit<TransportOptions, 'profile' | 'trustedOrigins'> {
  /** The partner's versions URL, if known: its origin is trusted with the token. */
  versionsUrl?: string;
  /** The partner's version details URL, if known: its origin is trusted with the token. */
  versionUrl?: string;
  /**
   * More origins the token may be sent to, beyond those of the partner's versions and endpoint URLs
   * (e.g. a CDN its `Link` headers point to). Anything else is refused before sending. Each is an origin
   * only: an http(s) scheme, a host and an optional port, such as `https://cdn.partner.example`. Trust
   * goes to the whole origin, so an entry with a path, query, fragment or user info (which would read as
   * narrower than it is) makes creating the client throw a `TypeError`, as does any other scheme.
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
