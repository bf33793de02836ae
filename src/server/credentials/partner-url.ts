import { mayCallPartnerUrl } from '../../common/transport/partner-url-policy';
import type { RegistrationHandlerConfig } from '../config';

/**
 * Whether we may send a request to a URL a partner gave us (its versions URL, version details URL or an
 * endpoint): at most the spec's 255 characters, and allowed by `allowPartnerUrl` (default
 * `partnerUrlPolicy()`). A URL that does not parse is refused. Every such URL is checked before it is
 * called or stored, so a partner cannot aim our server at hosts the app keeps out of reach.
 */
export function allowsPartnerUrl(config: RegistrationHandlerConfig, url: string): Promise<boolean> {
  return mayCallPartnerUrl(url, config.allowPartnerUrl);
}
