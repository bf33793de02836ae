import type { VersionProfile } from '../protocol/version-profile';
import type { ValidationSetting } from '../schema/lenient-types';
import type { UnknownFields } from '../schema/parse';
import { bindModules } from './bind-operations';
import { type ClientOptions, partnerUrls } from './client-options';
import { createTransport, type Transport } from './transport';
import { TrustedOrigins } from './trusted-origins';
import type { ClientCalls } from './typed-calls';
import { warnOnceUnrouted } from './unrouted-warning';

/**
 * What a version's `createClient` takes: the shared client settings and the partner's endpoints. In
 * 2.2.1, leaving out `from` makes the first functional call say once per process, with `console.warn`,
 * that calls go out without routing headers; `from: null` says that is meant and keeps it quiet.
 */
export interface VersionClientOptions<Endpoint extends { url: string }> extends ClientOptions {
  endpoints: readonly Endpoint[];
}

/**
 * Builds the parts every version's client has: a transport that speaks the version's `profile` and
 * trusts the partner's URLs with the token, and every module of the version's operations table bound to
 * the endpoint `endpointFor` picks for it (by module identifier and interface role).
 */
export function createVersionClient<
  Modules extends Record<string, object>,
  Endpoint extends { url: string },
  Mode extends ValidationSetting,
  Unknown extends UnknownFields,
>(
  options: VersionClientOptions<Endpoint>,
  profile: VersionProfile,
  operations: Modules,
  endpointFor: (endpoints: readonly Endpoint[], module: string, role: string) => string | undefined,
): { readonly [Module in keyof Modules]: ClientCalls<Modules[Module], Mode, Unknown> } & {
  readonly endpoints: readonly Endpoint[];
  readonly transport: Transport;
} {
  const { from, ...shared } = options;
  const transport = createTransport({
    ...shared,
    ...(from && { from }),
    profile,
    trustedOrigins: new TrustedOrigins(
      partnerUrls(
        options,
        options.endpoints.map((endpoint) => endpoint.url),
      ),
      options.allowedOrigins,
    ),
  });
  const lookup = (module: string, role: string) => endpointFor(options.endpoints, module, role);
  // Leaving out `from` is easy to do by mistake, and partners behind a hub or platform then cannot
  // route what we send: say so once, unless `from: null` says the link needs no routing.
  const endpoint = profile.routingHeaders && from === undefined ? warnOnceUnrouted(lookup) : lookup;
  const modules = bindModules<Modules, Mode, Unknown>(transport, operations, endpoint);
  return { ...modules, endpoints: options.endpoints, transport };
}
