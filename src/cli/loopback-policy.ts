import { type PartnerUrlPolicy, partnerUrlPolicy } from '../common/transport/partner-url-policy';

/**
 * The URL policy of `ocpi check` and `ocpi demo` against a partner: one on this machine (`ocpi mock`) is
 * called over plain http on its own host; any other only as the SDK's default policy allows (https,
 * public hosts). `undefined` for the default.
 */
export function loopbackPolicy(versionsUrl: string): PartnerUrlPolicy | undefined {
  const host = URL.canParse(versionsUrl) ? new URL(versionsUrl).hostname : '';
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(host);
  return loopback ? partnerUrlPolicy({ allowHttp: true, allowHosts: [host] }) : undefined;
}
