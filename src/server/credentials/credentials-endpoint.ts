import type { OcpiVersion } from '../../common/protocol/version';
import type { Caller } from '../authenticate';
import { policyOf, type RegistrationHandlerConfig } from '../config';
import { ourCredentials, ourModules } from '../our-documents';
import { incomingTokenKind } from '../partners/authenticate-partner';
import { mintToken } from '../partners/mint-token';
import type { PartnerRecord } from '../partners/partner-store';
import { constantTimeEqual } from '../partners/token-hash';
import { httpError, reply } from '../response';
import { callInitiator } from './call-initiator';
import {
  type CredentialsBodyResult,
  DEFAULT_MAX_CREDENTIALS_BODY_BYTES,
  type InitiatorCredentials,
  readCredentialsBody,
} from './credentials-body';
import { missingModules } from './required-modules';

/** What a credentials call is served with. */
export interface CredentialsCall {
  config: RegistrationHandlerConfig;
  /** Our base URL without a trailing slash. */
  baseUrl: string;
  /** The version of the credentials endpoint called. */
  version: OcpiVersion;
  caller: Caller;
  request: Request;
}

// Each lost race means another request of the same partner was just stored: a few tries are plenty.
const WRITE_ATTEMPTS = 3;

/** How long a replaced token serves recovery when `recoveryWindowMs` is not set: 15 minutes. */
const DEFAULT_RECOVERY_WINDOW_MS = 15 * 60 * 1000;

// The last moment a Date can name: a window of Infinity ends there instead of at an invalid date.
const LAST_DATE_MS = 8.64e15;

// When the token this request replaces stops serving recovery, counted from now (the write).
function recoveryEnd(config: RegistrationHandlerConfig): string {
  const window = config.recoveryWindowMs ?? DEFAULT_RECOVERY_WINDOW_MS;
  return new Date(Math.min(Date.now() + window, LAST_DATE_MS)).toISOString();
}

/**
 * The credentials endpoint of one version. The registration state decides what is allowed: POST only
 * for an invited partner, PUT and DELETE only for a registered one, HTTP 405 otherwise (credentials,
 * "POST/PUT/DELETE Method"). GET is always allowed. A replaced (previous) token serves only recovery,
 * and only within its window (`recoveryWindowMs`; authentication refuses it afterwards): GET to read the
 * current token, PUT to redo an update whose answer was lost, and a repeat of the POST or PUT that
 * replaced it, which gets the same answer again; it cannot DELETE (401).
 *
 * Every write is conditional on the record this request read: when another request of the partner was
 * stored first, this one is decided again on the record as it is now (a duplicate gets the stored
 * answer; see {@link register}).
 */
export async function serveCredentials(call: CredentialsCall): Promise<Response> {
  const { caller } = call;
  const registered = caller.partner.status === 'registered';
  switch (call.request.method) {
    case 'POST':
      if (!registered) return register(call);
      // 405 even for the token the registration replaced, unless it repeats that POST: the 405 tells an
      // initiator that lost our answer to PUT instead.
      return caller.kind === 'previous' ? repeatedPost(call) : notAllowed(true);
    case 'PUT':
      return registered ? register(call) : notAllowed(false);
    case 'DELETE':
      if (!registered) return notAllowed(false);
      // Ending the connection is no recovery step: a replaced token, possibly a leaked one, may not.
      if (caller.kind === 'previous') return unauthorized();
      return unregisterPartner(call);
    default:
      return readCredentials(call);
  }
}

/** HTTP 401, worded as for an unknown token: nothing tells the caller its token is a replaced one. */
export function unauthorized(): Response {
  return httpError(401, 'Missing or unknown credentials token', { 'WWW-Authenticate': 'Token' });
}

// POST when registered, PUT and DELETE when not (credentials, "POST/PUT/DELETE Method").
function notAllowed(registered: boolean): Response {
  return httpError(405, registered ? 'Already registered' : 'Not registered', {
    Allow: registered ? 'GET, PUT, DELETE' : 'GET, POST',
  });
}

// When another request of the same partner keeps winning the race to the store: the request may be sent
// again, and is then decided on the record as it is.
function changedMeanwhile(): Response {
  return reply(3000, { status_message: 'The registration changed while this request was served' });
}

/**
 * DELETE: unregistering ends every exchange with the partner, so its tokens and ours are forgotten. The
 * removal is conditional: after a concurrent write it is decided again (a PUT that replaced this token
 * makes it a replaced token: 401), so a registration renewed meanwhile is never removed by a stale
 * request. A partner already removed by a duplicate DELETE gets the same success.
 */
async function unregisterPartner(call: CredentialsCall): Promise<Response> {
  const { store } = call.config;
  let current = call.caller.partner;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    if (await store.remove(current)) return reply(1000);
    const fresh = await store.findById(current.id);
    if (fresh === undefined) return reply(1000);
    if (incomingTokenKind(fresh, call.caller.token) !== 'current') return unauthorized();
    if (fresh.status !== 'registered') return notAllowed(false);
    current = fresh;
  }
  return changedMeanwhile();
}

/**
 * GET: our credentials, with the token the partner is to use now. A partner that lost our answer to its
 * POST or PUT can recover the new token this way, with the old one that still works until the new one
 * is used.
 */
function readCredentials(call: CredentialsCall): Response {
  const { caller } = call;
  const token = caller.kind === 'previous' ? caller.partner.incomingToken : caller.token;
  const data = ourCredentials(call.config, call.baseUrl, call.version, token);
  return reply(1000, { data });
}

/**
 * A POST from a registered partner with the token its registration replaced: the initiator lost our
 * answer and sends the same POST again. If it is that same POST (same token B, versions URL and
 * version), it gets the same answer, token C included, and nothing is stored again; anything else is
 * 405, as for any POST from a registered partner.
 */
async function repeatedPost(call: CredentialsCall): Promise<Response> {
  const body = await readBody(call);
  const { partner } = call.caller;
  return body.ok && repeats(partner, call, body.credentials) ? storedAnswer(call, partner) : notAllowed(true);
}

/**
 * Whether the request is a repeat of the POST or PUT that stored `record`: it comes with the token that
 * registration replaced (the previous token), and posts the token B, versions URL and version stored.
 * Duplicates sent at once, and an initiator sending again after losing our answer, thus all get one
 * answer with one token C.
 */
function repeats(record: PartnerRecord, call: CredentialsCall, credentials: InitiatorCredentials): boolean {
  return (
    record.status === 'registered' &&
    incomingTokenKind(record, call.caller.token) === 'previous' &&
    record.outgoingToken !== undefined &&
    constantTimeEqual(record.outgoingToken, credentials.token) &&
    record.versionsUrl === credentials.url &&
    record.version === call.version
  );
}

// The answer a repeated request gets: the one the stored registration was answered with.
function storedAnswer(call: CredentialsCall, record: PartnerRecord): Response {
  return reply(1000, { data: ourCredentials(call.config, call.baseUrl, call.version, record.incomingToken) });
}

function readBody(call: CredentialsCall): Promise<CredentialsBodyResult> {
  const { config } = call;
  const maxBytes = config.maxBodyBytes ?? DEFAULT_MAX_CREDENTIALS_BODY_BYTES;
  return readCredentialsBody(call.request, call.version, policyOf(config), maxBytes);
}

/**
 * POST (register) and PUT (update, switch version, rotate tokens): read the initiator's credentials,
 * call it back with its token B, check its modules, then mint token C, store the partner and answer
 * with C. The partner is stored before the answer, with the token this request came with kept as the
 * previous token: if we crash before the initiator receives C, it can come back with that token (GET to
 * read C, the same request again to be answered with C, or a new PUT) within its recovery window, and
 * nothing is lost.
 *
 * The store write is conditional on the record this request read. When another request of the partner
 * was stored first, this one is decided again on the record as it is now: a duplicate of the stored
 * request (see {@link repeats}) gets its answer, so concurrent duplicates end with one registration and
 * one token C. Otherwise: 401 for a token no longer valid, 405 for a POST to a partner now registered,
 * 3000 when another registration stored a new token C first (its answer stands; this request may be
 * sent again), and a new try when only other fields changed.
 */
async function register(call: CredentialsCall): Promise<Response> {
  const { config, version, caller } = call;
  const body = await readBody(call);
  if (!body.ok) {
    if ('tooLarge' in body) return httpError(413, body.message);
    // Broken JSON never reached the OCPI layer: HTTP 400. A JSON body that is not valid credentials
    // did, and gets 2001 with HTTP 200 (status_codes, introduction).
    return body.invalidJson
      ? httpError(400, 'The request body is not valid JSON')
      : reply(2001, { status_message: body.message });
  }
  const { credentials } = body;
  if (repeats(caller.partner, call, credentials)) return storedAnswer(call, caller.partner);
  // callInitiator applies allowPartnerUrl to this URL too, answering a refusal as any failed call.
  const initiator = await callInitiator(config, {
    partnerId: caller.partner.id,
    versionsUrl: credentials.url,
    token: credentials.token,
    version,
    callerEncoding: caller.encoding,
    // Our callbacks belong to the initiator's flow: they carry its X-Correlation-ID.
    correlationId: call.request.headers.get('X-Correlation-ID') ?? undefined,
  });
  if (!initiator.ok) return reply(initiator.statusCode, { status_message: initiator.message });
  const { api } = initiator;

  const problem = missingModules(
    api.endpoints,
    ourModules(config, version),
    config.versions[version]?.requiredModules ?? [],
  );
  if (problem !== undefined) return reply(3003, { status_message: problem });

  const tokenC = mintToken();
  const registration = (read: PartnerRecord): PartnerRecord => {
    // The partner's update supersedes one of ours that was never confirmed.
    const { rotationPending: _superseded, ...kept } = read;
    return {
      // Whatever else the app keeps on the record (its name, its contract...) stays; so does the revision
      // it was read at, which makes the write conditional.
      ...kept,
      status: 'registered',
      incomingToken: tokenC,
      // Kept for a partner that loses this answer, for a bounded time: after it, even a token nobody
      // confirmed (the app may never call confirmCurrentToken) can no longer read or replace token C.
      previousIncomingToken: caller.token,
      previousIncomingTokenExpiresAt: recoveryEnd(config),
      outgoingToken: credentials.token,
      tokenEncoding: api.tokenEncoding,
      version: api.version,
      versionsUrl: credentials.url,
      versionUrl: api.versionUrl,
      endpoints: api.endpoints,
      roles: credentials.roles,
    };
  };
  let current = caller.partner;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    if (await config.store.save(registration(current))) {
      return reply(1000, { data: ourCredentials(config, call.baseUrl, version, tokenC) });
    }
    const fresh = await config.store.findById(current.id);
    if (fresh !== undefined && repeats(fresh, call, credentials)) return storedAnswer(call, fresh);
    if (fresh === undefined || incomingTokenKind(fresh, caller.token) === undefined) return unauthorized();
    const registered = fresh.status === 'registered';
    if (registered !== (call.request.method === 'PUT')) return notAllowed(registered);
    // Another registration was stored meanwhile, with its own token C: its answer stands, and storing
    // this one over it would make that token dead. Only a write that left the tokens alone (a retired
    // previous token, the app's own fields) is written over.
    if (!constantTimeEqual(fresh.incomingToken, current.incomingToken)) return changedMeanwhile();
    current = fresh;
  }
  return changedMeanwhile();
}
