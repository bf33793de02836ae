import { URL_MAX_LENGTH } from '../schema/primitives/url';
import { addressScope } from './address-scope';

/**
 * Decides whether we may send a request to a URL a partner named (its versions URL, version details
 * URL or an endpoint). It may answer asynchronously, e.g. after resolving the host. Build one with
 * {@link partnerUrlPolicy}, or write your own.
 */
export type PartnerUrlPolicy = (url: URL) => boolean | Promise<boolean>;

/** Options of {@link partnerUrlPolicy}. */
export interface PartnerUrlPolicyOptions {
  /** Also call plain `http:` URLs. Default `false`: the token would travel in clear text. */
  allowHttp?: boolean;
  /**
   * Host names or IP addresses called whatever the other rules say, e.g. a partner inside your own
   * network, or `127.0.0.1` in tests. Compared with `URL.hostname`; the port does not matter.
   */
  allowHosts?: readonly string[];
  /**
   * Resolves a host name to its IP addresses, so that a name pointing into a private network is
   * refused too (every address must be public; a failed lookup refuses). `@org/ocpi/node` offers
   * `lookupHostAddresses`. Without it only IP literals and well-known local names are judged.
   *
   * Resolving at check time does not stop DNS rebinding: the name may resolve to another address
   * when the request connects. Where that matters, also filter at the connection level (an egress
   * proxy or firewall, or a `fetch` whose agent checks the connected address).
   */
  resolve?: (hostname: string) => Promise<readonly string[]>;
}

// Names that lead to the local machine or network without asking public DNS: localhost (RFC 6761),
// mDNS (RFC 6762), home networks (RFC 8375) and the private-use top-level domain `internal`.
const LOCAL_SUFFIXES = ['.localhost', '.local', '.home.arpa', '.internal'];

/**
 * A {@link PartnerUrlPolicy} that keeps partners from aiming our server at our own machine or network.
 * By default it calls only `https:` URLs whose host is a public IP address or a public-looking name: it
 * refuses loopback, link-local (cloud metadata at 169.254.169.254), private, CGNAT, unique-local,
 * multicast, unspecified and reserved addresses (IPv4-mapped IPv6 and odd IPv4 spellings such as
 * `2130706433` included, as `URL` normalises them), and the names `localhost`, `*.localhost`,
 * `*.local`, `*.home.arpa`, `*.internal` and single-label names. This is the default of
 * `allowPartnerUrl` in the registration config and in `connect()`.
 *
 * @example
 * // Tests against a partner on 127.0.0.1 over http:
 * const allowPartnerUrl = partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] });
 * @example
 * // Production on Node, judging the addresses names resolve to as well:
 * import { lookupHostAddresses } from '@org/ocpi/node';
 * const allowPartnerUrl = partnerUrlPolicy({ resolve: lookupHostAddresses });
 */
export function partnerUrlPolicy(options: PartnerUrlPolicyOptions = {}): PartnerUrlPolicy {
  const allowedHosts = new Set((options.allowHosts ?? []).map(hostnameOf));
  const { resolve } = options;
  return (url) => {
    if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) return false;
    const host = url.hostname;
    if (allowedHosts.has(host)) return true;
    const scope = addressScope(host);
    if (scope !== undefined) return scope === 'public';
    if (isLocalName(host)) return false;
    return resolve ? resolvesToPublic(host, resolve) : true;
  };
}

/**
 * Whether `url` (a string a partner sent) may be called under `policy` (default
 * {@link partnerUrlPolicy}`()`): at most the spec's 255 characters, a URL at all, and allowed.
 */
export async function mayCallPartnerUrl(url: string, policy: PartnerUrlPolicy | undefined): Promise<boolean> {
  if (url.length > URL_MAX_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (await (policy ?? partnerUrlPolicy())(parsed)) === true;
}

function isLocalName(host: string): boolean {
  // `localhost.` is `localhost`: a final dot only makes the name absolute.
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (!name.includes('.')) return true; // single label: `localhost`, or resolved through a search domain
  return LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

async function resolvesToPublic(
  host: string,
  resolve: (hostname: string) => Promise<readonly string[]>,
): Promise<boolean> {
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    return false;
  }
  return addresses.length > 0 && addresses.every((address) => addressScope(address) === 'public');
}

// `allowHosts` entries as `URL.hostname` spells them: lower case, IPv6 in brackets, IPv4 normalised.
function hostnameOf(entry: string): string {
  const literal = entry.includes(':') && !entry.startsWith('[') ? `[${entry}]` : entry;
  try {
    return new URL(`http://${literal}/`).hostname;
  } catch {
    throw new TypeError(`partnerUrlPolicy: allowHosts entry "${entry}" is not a host name or IP address`);
  }
}
