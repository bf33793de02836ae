import { lookup } from 'node:dns/promises';

/**
 * Every IP address a host name resolves to, through the system resolver (`getaddrinfo`, as Node's own
 * connections use): the `resolve` option of `partnerUrlPolicy`, so that a partner's host name that
 * leads into our own network is refused like an IP literal would be.
 *
 * The answer is only true at check time: a name with a short TTL can point elsewhere when the request
 * connects (DNS rebinding). Filter at the connection level too where that matters.
 *
 * @example
 * import { createRegistrationHandler, partnerUrlPolicy } from '@org/ocpi';
 * import { lookupHostAddresses } from '@org/ocpi/node';
 * createRegistrationHandler({ ...config, allowPartnerUrl: partnerUrlPolicy({ resolve: lookupHostAddresses }) });
 */
export async function lookupHostAddresses(hostname: string): Promise<string[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}
