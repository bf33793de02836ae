import { mintToken } from '../common/credentials/mint-token';
import type { PartnerEndpoint, PartnerRecord } from '../common/credentials/partner-store';
import { type DiscoveryCallOptions, discoveryCall } from '../common/discovery';
import { isOcpiHttpError } from '../common/errors/ocpi-http-error';
import { OcpiMissingEndpointError } from '../common/errors/ocpi-missing-endpoint-error';
import { clientFor, discoverPartner, type OcpiClient } from '../discover-partner';
import type { RegistrationHandlerConfig } from './config';
import { ourCredentials, servedVersions } from './our-documents';
import { type AnyCredentials, clientSettings, rolesOf } from './partner-client';

/** Options of {@link register}. */
export interface RegisterOptions {
  /** Who we are and where our handler lives: the same config as our `createRegistrationHandler`. */
  config: RegistrationHandlerConfig;
  /** Our key for the partner; registering again under the same id replaces the earlier attempt. */
  partnerId: string;
  /** The partner's versions URL, handed over out of band with token A. */
  versionsUrl: string;
  /** The token A the partner handed over out of band. */
  tokenA: string;
  signal?: AbortSignal;
}

/**
 * Registers with a partner (the initiating side of the credentials handshake): GETs its versions with
 * token A, picks the highest version both speak, GETs its details, checks that it lists a credentials
 * endpoint and the modules we require (no POST otherwise), stores token B and lets our handler accept it
 * (the partner calls us back with it) before sending it, POSTs our credentials, and stores token C.
 *
 * The store is written before each step that could lose a token: a crash leaves either the partner
 * invited with token B (register again) or registered with token C. A failed POST removes token B again.
 * If the partner answers 405 (it already registered us on an attempt whose answer we never got), the
 * credentials are PUT instead, with the same token A, which an SDK partner still accepts until token C is
 * used.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_registration
 */
export async function register(options: RegisterOptions): Promise<PartnerRecord> {
  const { config, versionsUrl, tokenA } = options;
  const settings = { ...clientSettings(config, tokenA), versionsUrl };
  // Every request of the handshake, the partner's callbacks to us included, is one 2.2.1 flow.
  const flow = { ...(options.signal && { signal: options.signal }), correlationId: crypto.randomUUID() };
  const { version, versionUrl, tokenEncoding, endpoints } = await discoverPartner({
    ...settings,
    ...flow,
    versions: [...servedVersions(config)].reverse(),
  });
  requireModules(endpoints, ['credentials', ...(config.versions[version]?.requiredModules ?? [])]);

  const tokenB = mintToken();
  const invited: PartnerRecord = {
    id: options.partnerId,
    status: 'invited',
    incomingToken: tokenB,
    outgoingToken: tokenA,
    tokenEncoding,
    version,
    versionsUrl,
    versionUrl,
    endpoints,
  };
  await config.store.save(invited);

  const connected = clientFor(version, { ...settings, tokenEncoding, versionUrl, endpoints });
  const body = ourCredentials(config, config.baseUrl.replace(/\/+$/, ''), version, tokenB);
  let theirs: AnyCredentials;
  try {
    theirs = await postOrPut(connected, body, flow);
  } catch (error) {
    await config.store.remove(invited.id);
    throw error;
  }
  const registered: PartnerRecord = {
    ...invited,
    status: 'registered',
    outgoingToken: theirs.token,
    roles: rolesOf(theirs),
  };
  await config.store.save(registered);
  return registered;
}

// POST registers; a 405 means the partner registered us already (an answer we lost), so PUT instead.
async function postOrPut(
  client: OcpiClient,
  body: AnyCredentials | undefined,
  flow: DiscoveryCallOptions,
): Promise<AnyCredentials> {
  const args = { body: body as never, ...discoveryCall(flow) };
  try {
    return await client.credentials.postCredentials(args);
  } catch (error) {
    if (!isOcpiHttpError(error) || error.status !== 405) throw error;
    return client.credentials.putCredentials(args);
  }
}

function requireModules(endpoints: readonly PartnerEndpoint[], required: readonly string[]): void {
  const listed = new Set(endpoints.map((endpoint) => endpoint.identifier));
  const missing = required.find((identifier) => !listed.has(identifier));
  if (missing !== undefined) throw new OcpiMissingEndpointError({ module: missing });
}
