import type { PartyRef } from './routing';
import type { TransportOptions } from './transport';
import type { TrustedOrigins } from './trusted-origins';

/** What every versioned client takes, besides its endpoints. */
export interface ClientOptions extends Omit<TransportOptions, 'profile' | 'trustedOrigins' | 'from'> {
  /**
   * 2.2.1: our party, sent as `OCPI-from-*` on functional modules (with `to` as `OCPI-to-*`). Left out,
   * the first functional call says once per process (`console.warn`) that calls go out without routing
   * headers; `null` says that is meant and keeps it quiet: the spec lets only a direct link between two
   * parties with one role each do without. Ignored in 2.1.1, which has no routing headers.
   *
   * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_message_routing_headers
   */
  from?: PartyRef | null;
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
