import { OcpiAlreadyRegisteredError } from '../../common/errors/ocpi-already-registered-error';
import { isOcpiHttpError } from '../../common/errors/ocpi-http-error';
import { OcpiMissingEndpointError } from '../../common/errors/ocpi-missing-endpoint-error';
import { isOcpiStatusError } from '../../common/errors/ocpi-status-error';
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
import type { PartnerEndpoint, PartnerRecord, PartnerStore } from '../../server/partners/partner-store';
import { constantTimeEqual } from '../../server/partners/token-hash';
import { clientFor, discoverPartner } from '../discover-partner';
import { checkChosenToken } from './chosen-token';
import { acceptedCredentials, clientSettings, type ReadCredentials } from './partner-client';

/** Options of {@link register}. */
export interface RegisterOptions {
  /** Who we are and where our handler lives: the same config as our `createRegistrationHandler`. */
  config: RegistrationHandlerConfig;
  /**
   * Our key for the partner. Registering again under the same id retries an attempt that ended without
   * a clear answer (with its token B); otherwise it replaces the earlier record, which a clear refusal
   * of the POST (a 405 included) puts back.
   */
  partnerId: string;
  /** The partner's versions URL, handed over out of band with token A. */
  versionsUrl: string;
  /** The token A the partner handed over out of band. */
  tokenA: string;
  /**
   * Our token B, if the caller chooses it (e.g. from its own key management); by default `mintToken()`
   * makes one. It must be 1 to 64 printable ASCII characters without whitespace and held by no other
   * partner in the store; otherwise a `TypeError` is thrown before anything is sent. While an earlier
   * attempt with another token B is unanswered, that one is resent and a different `tokenB` is refused
   * the same way: the partner may hold the earlier one.
   */
  tokenB?: string;
  signal?: AbortSignal;
}

/**
 * Registers with a partner (the initiating side of the credentials handshake): GETs its versions with
 * token A, picks the highest version both speak, GETs its details, checks that it lists a credentials
 * endpoint and the modules we require (no POST otherwise), stores token B and lets our handler accept it
 * (the partner calls us back with it) before sending it, POSTs our credentials, and stores token C.
 *
 * The store is written before each step that could lose a token: a crash leaves either the partner
 * invited with token B (register again) or registered with token C. Token B is removed again only when
 * the partner clearly refused the POST (an OCPI 2xxx or 3xxx status, or an HTTP 4xx other than 405, 408
 * and 429). After a timeout, a network error, a 5xx or an answer we could not read, the partner may
 * have registered us: the invited record with token B stays and the error is thrown; registering again
 * with the same `partnerId` retries with that same token B. An SDK partner answers that repeated POST
 * as it answered the first (the same token C). If the partner answers that retry with 405 instead (it
 * registered us on the attempt whose answer we never got), the credentials are PUT, with the same token
 * A, which an SDK partner still accepts for that recovery until token C is used, within its recovery
 * window (`recoveryWindowMs`, 15 minutes by default).
 *
 * A 405 to a POST with no such attempt in the store means the partner registered us some other time:
 * `register` throws an {@link OcpiAlreadyRegisteredError} and sends nothing more, since a PUT would
 * replace that registration and void the token C someone holds. The store is left as it was before the
 * call.
 *
 * The store writes are conditional (see `PartnerStore`): if a concurrent `register`, `unregister` or the
 * app changed the record meanwhile, nothing of theirs is overwritten and an `OcpiError` says so. The
 * record returned is the stored one, without the store's revision: read it again to write it.
 *
 * @throws OcpiAlreadyRegisteredError when the partner answers the POST with 405 and no attempt of ours
 * is pending.
 * @throws TypeError when `tokenB` breaks the token rules, is another partner's, or differs from the token
 * B of a pending attempt; nothing is sent then.
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_registration
 */
export async function register(options: RegisterOptions): Promise<PartnerRecord> {
  const { config, versionsUrl, tokenA } = options;
  if (options.tokenB !== undefined) {
    await checkChosenToken(config.store, options.partnerId, options.tokenB, 'register()');
  }
  const settings = { ...clientSettings(config, tokenA), versionsUrl };
  // Every request of the handshake, the partner's callbacks to us included, is one 2.2.1 flow.
  const flow = { ...(options.signal && { signal: options.signal }), correlationId: crypto.randomUUID() };
  const { version, versionUrl, tokenEncoding, endpoints } = await discoverPartner({
    ...settings,
    ...flow,
    versions: [...servedVersions(config)].reverse(),
    allowPartnerUrl: config.allowPartnerUrl,
  });
  requireModules(endpoints, ['credentials', ...(config.versions[version]?.requiredModules ?? [])]);

  // An earlier attempt without a clear answer may have handed token B to the partner already: keep it.
  const earlier = await config.store.findById(options.partnerId);
  const retried = earlier?.status === 'invited' && earlier.outgoingToken !== undefined;
  if (retried && options.tokenB !== undefined && !constantTimeEqual(options.tokenB, earlier.incomingToken)) {
    throw new TypeError(
      `register(): an earlier attempt for partner ${options.partnerId} is unanswered and its token B may be held by the partner; register without tokenB (or with that token) to retry it`,
    );
  }
  const tokenB = retried ? earlier.incomingToken : (options.tokenB ?? mintToken());
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
  // Written over the earlier record only if that is still as read: a concurrent register() of the same
  // partner is not overwritten (it may have handed its token B out already).
  const stored = await config.store.save(
    earlier?.revision === undefined ? invited : { ...invited, revision: earlier.revision },
  );
  if (stored === undefined) throw partnerChangedError(options.partnerId, 'register()');

  const connected = clientFor(version, { ...settings, tokenEncoding, versionUrl, endpoints });
  const body = ourCredentials(config, trimTrailing(config.baseUrl, '/'), version, tokenB);
  const args = { body: body as never, ...flowCallOptions(flow) };
  let theirs: ReadCredentials;
  try {
    theirs = await connected.credentials.postCredentials(args);
  } catch (error) {
    const notAllowed = isOcpiHttpError(error) && error.httpStatus === 405;
    if (!notAllowed || !retried) {
      // Only a token B chosen now and clearly refused is known to be unused; any other may be held.
      if (!retried && isClearRefusal(error)) await undo(config.store, stored, earlier, tokenB);
      if (notAllowed) throw new OcpiAlreadyRegisteredError({ partnerId: options.partnerId, cause: error });
      throw error;
    }
    // 405 to a retry: the partner registered us on the attempt whose answer we lost. It holds token B
    // whatever happens to this PUT, so a failure here keeps the record.
    theirs = await connected.credentials.putCredentials(args);
  }
  // An answer beyond the spec's limits is one we cannot use: the invited record stays, as after a timeout.
  const accepted = acceptedCredentials(version, theirs);
  // Only over our own invited record with token B: anything else was written by someone who decided
  // after us (a new register(), an unregister()), and stays.
  const registered = await changePartner(config.store, stored, (current) =>
    current.status === 'invited' && constantTimeEqual(current.incomingToken, tokenB)
      ? { ...current, status: 'registered', outgoingToken: accepted.token, roles: accepted.roles }
      : undefined,
  );
  if (registered === undefined) throw partnerChangedError(options.partnerId, 'register()');
  return withoutRevision(registered);
}

/**
 * Puts the store back as it was before a POST the partner clearly refused: the record it held (say, our
 * earlier registration, which a 405 shows is still in force), or none. Only over our own invited record
 * with this token B: anything else was written by someone who decided after us.
 */
async function undo(
  store: PartnerStore,
  stored: PartnerRecord,
  earlier: PartnerRecord | undefined,
  tokenB: string,
): Promise<void> {
  const ours = (current: PartnerRecord) =>
    current.status === 'invited' && constantTimeEqual(current.incomingToken, tokenB);
  if (earlier === undefined) {
    await removePartner(store, stored, ours);
    return;
  }
  const before = withoutRevision(earlier);
  await changePartner(store, stored, (current) =>
    ours(current)
      ? { ...before, ...(current.revision !== undefined && { revision: current.revision }) }
      : undefined,
  );
}

/**
 * Whether the partner clearly refused our POST, so did not register us: an OCPI client or server error
 * (2xxx, 3xxx), or an HTTP 4xx except those that say nothing about the request (408 and 429 ask to try
 * again). A 405 refuses the POST too, though it says the partner registered us before.
 */
function isClearRefusal(error: unknown): boolean {
  if (isOcpiStatusError(error)) return error.statusCode >= 2000 && error.statusCode < 4000;
  return (
    isOcpiHttpError(error) &&
    error.httpStatus >= 400 &&
    error.httpStatus < 500 &&
    ![408, 429].includes(error.httpStatus)
  );
}

function requireModules(endpoints: readonly PartnerEndpoint[], required: readonly string[]): void {
  const listed = new Set(endpoints.map((endpoint) => endpoint.identifier));
  const missing = required.find((identifier) => !listed.has(identifier));
  if (missing !== undefined) throw new OcpiMissingEndpointError({ module: missing });
}
