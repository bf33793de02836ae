import type { TransportOptions } from './transport';

/** What every versioned client takes, besides its endpoints. */
export interface ClientOptions
  extends Omit<TransportOptions, 'version' | 'envelopeSchema' | 'trustedOrigins'> {
  /** The partner's versions URL, if known: its origin is trusted with the token. */
  versionsUrl?: string;
  /** The partner's version details URL, if known: its origin is trusted with the token. */
  versionUrl?: string;
  /**
   * More origins the token may be sent to, beyond those of the partner's versions and endpoint URLs
   * (e.g. a CDN its `Link` headers point to). Anything else is refused before sending.
   */
  allowedOrigins?: readonly string[];
}

/** The URLs whose origins a client trusts with the token. */
export function trustedUrls(options: ClientOptions, endpointUrls: readonly string[]): string[] {
  return [
    ...endpointUrls,
    ...(options.versionsUrl ? [options.versionsUrl] : []),
    ...(options.versionUrl ? [options.versionUrl] : []),
    ...(options.allowedOrigins ?? []),
  ];
}
