import { isOcpiHttpError } from '../../common/errors/ocpi-http-error';
import type { OcpiVersion } from '../../common/protocol/version';
import { trimTrailing } from '../../common/text/trim-trailing';
import { flowCallOptions } from '../../common/transport/discovery';
import type { RegistrationHandlerConfig } from '../../server/config';
import { ourCredentials, servedVersions } from '../../server/our-documents';
import {
  changePartner,
  partnerChangedError,
  removePartner,
  withoutRevision,
} from '../../server/partners/change-partner';
import { mintToken } from '../../server/partners/mint-token';
import type { PartnerRecord } from '../../server/partners/partner-store';
import { constantTimeEqual } from '../../server/partners/token-hash';
import { clientFor, discoverPartner } from '../discover-partner';
import { checkChosenToken } from './chosen-token';
import { acceptedCredentials, clientOf, clientSettings, type ReadCredentials } from './partner-client';

/** Options of {@link updateRegistration}. */
export interface UpdateRegistrationOptions {
  config: RegistrationHandlerConfig;
  /** The registered partner, as the store holds it. */
  record: PartnerRecord;
  /** Switch to this version (e.g. from 2.1.1 to 2.2.1); by default the highest both speak now. */
  version?: OcpiVersion;
  /**
   * Our new token B, if the caller chooses it; by default `mintToken()` makes one. It must be 1 to 64
   * printable ASCII characters without whitespace, differ from the partner's current token and be held
   * by no other partner; while an earlier update is unconfirmed, only its token may be given (the
   * partner may hold it). Otherwise a `TypeError` is thrown before anything is sent.
   */
  tokenB?: string;
  signal?: AbortSignal;
}

/**
 * Updates a registration with PUT: rotates both tokens, follows changed endpoints, and can move a
 * partner to another version. Our new token B is stored before it is sent, marked `rotationPending`:
 * until the partner confirms, it may hold either token, so both work fully and its callbacks with the
 * new one do not retire the old one. On success the old token is dropped at once (it may be the
 * compromised one the update is for) and the partner's new token C is stored. On failure the record
 * keeps both of our tokens and the old token C; calling `updateRegistration` again retries with the same
 * new token B, so a partner that took it before the failure is not locked out either.
 *
 * The store writes are conditional (see `PartnerStore`): a concurrent update that stored its new token
 * first has us offer the same one, and nothing decided after us (an unregistration, a new registration)
 * is overwritten. The record returned is the stored one, without the store's revision.
 *
 * @throws TypeError when the partner is not registered (the store no longer holds it, or holds it
 * invited), `version` is one we do not serve, or `tokenB` is refused (see its description).
 * @throws OcpiError when the record changed in the store meanwhile so that the update no longer applies.
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_updating_to_a_newer_version
 */
export async function updateRegistration(options: UpdateRegistrationOptions): Promise<PartnerRecord> {
  const { config } = options;
  if (options.version !== undefined && config.versions[options.version] === undefined) {
    throw new TypeError(
      `Cannot update to OCPI ${options.version}: our registration config does not serve it`,
    );
  }
  // The store's copy, not the caller's: an earlier failed update may have left a pending token in it.
  // Never the caller's copy instead: a partner gone from the store unregistered (or was unregistered),
  // and writing the copy would create it again, with its old token current.
  const record = await config.store.findById(options.record.id);
  if (record?.status !== 'registered' || !record.outgoingToken || !record.versionsUrl) {
    throw new TypeError(`Partner ${options.record.id} is not registered`);
  }
  const chosen = options.tokenB;
  if (chosen !== undefined) {
    await checkChosenToken(config.store, record.id, chosen, 'updateRegistration()');
    const pending = record.rotationPending ? record.incomingToken : undefined;
    if (
      pending === undefined
        ? constantTimeEqual(chosen, record.incomingToken)
        : !constantTimeEqual(chosen, pending)
    ) {
      throw new TypeError(
        pending === undefined
          ? 'updateRegistration(): tokenB must differ from the token the partner holds now'
          : `updateRegistration(): an earlier update of partner ${record.id} is unconfirmed and the partner may hold its token; update without tokenB (or with that token) to retry it`,
      );
    }
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
    allowPartnerUrl: config.allowPartnerUrl,
  });

  // After an unconfirmed update the partner may hold either token: offer the same new one again. The
  // write is conditional, so a concurrent update that stored its new token first has us offer that one.
  const rotating = await changePartner(config.store, record, (current) => {
    if (current.status !== 'registered') return undefined;
    if (current.rotationPending) return current;
    // A token the partner replaced and may still recover with is dropped: ours now replaces the current
    // one, and while pending both are current, with no window.
    const { previousIncomingTokenExpiresAt: _window, ...kept } = current;
    return {
      ...kept,
      incomingToken: chosen ?? mintToken(),
      previousIncomingToken: current.incomingToken,
      rotationPending: true,
    };
  });
  if (rotating === undefined) throw partnerChangedError(record.id, 'updateRegistration()');
  const tokenB = rotating.incomingToken;
  // A concurrent update may have stored its own new token first: we offer that one, never two at once.
  if (chosen !== undefined && !constantTimeEqual(chosen, tokenB)) {
    throw partnerChangedError(record.id, 'updateRegistration()');
  }
  const body = ourCredentials(config, trimTrailing(config.baseUrl, '/'), version, tokenB);
  const client = clientFor(version, { ...settings, tokenEncoding, versionUrl, endpoints });
  const theirs: ReadCredentials = await client.credentials.putCredentials({
    body: body as never,
    ...flowCallOptions(flow),
  });
  // An answer beyond the spec's limits leaves the update unconfirmed, as a lost answer would.
  const accepted = acceptedCredentials(version, theirs);
  // Written over the record as it is now, but only while our new token B is still its token: a record
  // that lost it (unregistered, registered anew) was decided after us and stays.
  const updated = await changePartner(config.store, rotating, (current) => {
    if (current.status !== 'registered' || !constantTimeEqual(current.incomingToken, tokenB))
      return undefined;
    // A confirmed update also shows the connection is wanted: an earlier unregistration attempt is void.
    const {
      previousIncomingToken: _dropped,
      previousIncomingTokenExpiresAt: _window,
      rotationPending: _confirmed,
      unregistering: _kept,
      ...confirmed
    } = current;
    return {
      ...confirmed,
      outgoingToken: accepted.token,
      tokenEncoding,
      version,
      versionUrl,
      endpoints,
      roles: accepted.roles,
    };
  });
  if (updated === undefined) throw partnerChangedError(record.id, 'updateRegistration()');
  return withoutRevision(updated);
}

/** Reads the partner's credentials as it holds them for us (GET), with the token we send it. */
export async function readRegistration(options: {
  config: RegistrationHandlerConfig;
  record: PartnerRecord;
  signal?: AbortSignal;
}): Promise<ReadCredentials> {
  const client = clientOf(options.config, options.record);
  return client.credentials.getCredentials(flowCallOptions(options));
}

/**
 * Unregisters from a partner (DELETE), then forgets it. If the DELETE fails, the record stays, marked
 * `unregistering`, so that it can be tried again. A retry after a DELETE whose answer was lost finds a
 * partner that no longer knows us: it answers 405 (not registered) or, having dropped our token with the
 * registration, 401. Either counts as done: 405 always, 401 only on a retry, since on a first attempt
 * it may just as well mean a wrong token.
 *
 * The store writes are conditional: only the record marked `unregistering` is removed, so a registration
 * renewed meanwhile (a new `register`, a confirmed update, both of which drop the mark) stays. A partner
 * the store no longer holds is unregistered already (it sent us a DELETE, or another call removed it):
 * nothing is sent and nothing written, so the record passed in is never stored again.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_delete_method
 */
export async function unregister(options: {
  config: RegistrationHandlerConfig;
  record: PartnerRecord;
  signal?: AbortSignal;
}): Promise<void> {
  const { store } = options.config;
  const record = await store.findById(options.record.id);
  if (record === undefined) return;
  const retry = record.unregistering === true;
  const marked = retry
    ? record
    : await changePartner(store, record, (current) =>
        current.unregistering ? current : { ...current, unregistering: true },
      );
  if (marked === undefined) throw partnerChangedError(record.id, 'unregister()');
  const client = clientOf(options.config, marked);
  try {
    await client.credentials.deleteCredentials(flowCallOptions(options));
  } catch (error) {
    const gone = isOcpiHttpError(error) && (error.httpStatus === 405 || (retry && error.httpStatus === 401));
    if (!gone) throw error;
  }
  await removePartner(store, marked, (current) => current.unregistering === true);
}
