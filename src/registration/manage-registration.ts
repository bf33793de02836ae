import { mintToken } from '../common/credentials/mint-token';
import type { PartnerRecord } from '../common/credentials/partner-store';
import { discoveryCall } from '../common/discovery';
import type { OcpiVersion } from '../common/version';
import { clientFor, discoverPartner } from '../discover-partner';
import type { RegistrationHandlerConfig } from './config';
import { ourCredentials, servedVersions } from './our-documents';
import { type AnyCredentials, clientOf, clientSettings, rolesOf } from './partner-client';

/** Options of {@link updateRegistration}. */
export interface UpdateRegistrationOptions {
  config: RegistrationHandlerConfig;
  /** The registered partner, as the store holds it. */
  record: PartnerRecord;
  /** Switch to this version (e.g. from 2.1.1 to 2.2.1); by default the highest both speak now. */
  version?: OcpiVersion;
  signal?: AbortSignal;
}

/**
 * Updates a registration with PUT: rotates both tokens, follows changed endpoints, and can move a
 * partner to another version. Our new token B is stored (the old one still accepted) before it is sent,
 * so whatever happens to the PUT, the partner can reach us with either; the partner's new token C is
 * stored as soon as it arrives. On failure the record keeps both of our tokens and the old token C,
 * which an SDK partner keeps accepting until the new one is used.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_updating_to_a_newer_version
 */
export async function updateRegistration(options: UpdateRegistrationOptions): Promise<PartnerRecord> {
  const { config, record } = options;
  if (record.status !== 'registered' || !record.outgoingToken || !record.versionsUrl) {
    throw new TypeError(`Partner ${record.id} is not registered`);
  }
  const settings = {
    ...clientSettings(config, record.outgoingToken),
    versionsUrl: record.versionsUrl,
    ...(record.tokenEncoding && { tokenEncoding: record.tokenEncoding }),
  };
  // Discovery and the PUT are one 2.2.1 flow, as the partner's callbacks to us are.
  const flow = { ...(options.signal && { signal: options.signal }), correlationId: crypto.randomUUID() };
  const { version, versionUrl, tokenEncoding, endpoints } = await discoverPartner({
    ...settings,
    ...flow,
    versions: options.version ? [options.version] : [...servedVersions(config)].reverse(),
  });

  const tokenB = mintToken();
  const rotating: PartnerRecord = {
    ...record,
    incomingToken: tokenB,
    previousIncomingToken: record.incomingToken,
  };
  await config.store.save(rotating);
  const body = ourCredentials(config, config.baseUrl.replace(/\/+$/, ''), version, tokenB);
  const client = clientFor(version, { ...settings, tokenEncoding, versionUrl, endpoints });
  const theirs: AnyCredentials = await client.credentials.putCredentials({
    body: body as never,
    ...discoveryCall(flow),
  });
  const updated: PartnerRecord = {
    ...rotating,
    outgoingToken: theirs.token,
    tokenEncoding,
    version,
    versionUrl,
    endpoints,
    roles: rolesOf(theirs),
  };
  await config.store.save(updated);
  return updated;
}

/** Reads the partner's credentials as it holds them for us (GET), with the token we send it. */
export async function readRegistration(options: {
  config: RegistrationHandlerConfig;
  record: PartnerRecord;
  signal?: AbortSignal;
}): Promise<AnyCredentials> {
  const client = clientOf(options.config, options.record);
  return client.credentials.getCredentials(options.signal ? { options: { signal: options.signal } } : {});
}

/**
 * Unregisters from a partner (DELETE), then forgets it. If the DELETE fails, the record stays, so that
 * it can be tried again.
 */
export async function unregister(options: {
  config: RegistrationHandlerConfig;
  record: PartnerRecord;
  signal?: AbortSignal;
}): Promise<void> {
  const client = clientOf(options.config, options.record);
  await client.credentials.deleteCredentials(options.signal ? { options: { signal: options.signal } } : {});
  await options.config.store.remove(options.record.id);
}
