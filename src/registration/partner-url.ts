import type { PartnerEndpoint } from '../common/credentials/partner-store';
import { refusedUrl } from '../discover-partner';
import type { RegistrationHandlerConfig } from './config';

/**
 * Whether we may send a request to a URL a partner gave us (its versions URL, version details URL or an
 * endpoint): `allowPartnerUrl`, by default any http or https URL. A URL that does not parse is refused.
 * Every such URL is checked before it is called or stored, so a partner cannot aim our server at hosts
 * the app keeps out of reach.
 */
export function allowsPartnerUrl(config: RegistrationHandlerConfig, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (config.allowPartnerUrl ?? isWebUrl)(parsed);
}

// By default any http(s) URL: a partner we invited may name its own host. Refine with `allowPartnerUrl`.
function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/**
 * When we initiate (register, update), the same policy for what the partner's API names: its version
 * details URL (checked by discovery before the call) and its endpoints (checked here, before anything is
 * sent or stored). Throws `OcpiUntrustedUrlError` for the first one refused.
 */
export function requireAllowedEndpoints(
  config: RegistrationHandlerConfig,
  endpoints: readonly PartnerEndpoint[],
  token: string,
): void {
  const refused = refusedEndpoint(config, endpoints);
  if (refused) throw refusedUrl(refused.url, token);
}

/** The first endpoint whose URL `allowPartnerUrl` refuses, if any. */
export function refusedEndpoint(
  config: RegistrationHandlerConfig,
  endpoints: readonly PartnerEndpoint[],
): PartnerEndpoint | undefined {
  return endpoints.find((endpoint) => !allowsPartnerUrl(config, endpoint.url));
}
