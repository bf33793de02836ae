import { mintToken } from '../common/credentials/mint-token';
import type { PartnerRecord } from '../common/credentials/partner-store';
import type { OcpiVersion } from '../common/version';
import type { Caller } from './authenticate';
import { callInitiator } from './call-initiator';
import type { RegistrationHandlerConfig } from './config';
import { DEFAULT_MAX_CREDENTIALS_BODY_BYTES, readCredentialsBody } from './credentials-body';
import { ourCredentials, ourModules } from './our-documents';
import { missingModules } from './required-modules';
import { httpError, reply } from './response';

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

/**
 * The credentials endpoint of one version. The registration state decides what is allowed: POST only
 * for an invited partner, PUT and DELETE only for a registered one, HTTP 405 otherwise (credentials,
 * "POST/PUT/DELETE Method"). GET is always allowed. A replaced (previous) token serves only recovery:
 * GET to read the current token, PUT to redo an update whose answer was lost; it cannot DELETE (401).
 */
export async function serveCredentials(call: CredentialsCall): Promise<Response> {
  const { caller } = call;
  const registered = caller.partner.status === 'registered';
  const notAllowed = () =>
    httpError(405, registered ? 'Already registered' : 'Not registered', {
      Allow: registered ? 'GET, PUT, DELETE' : 'GET, POST',
    });
  switch (call.request.method) {
    case 'POST':
      // 405 for a previous token too: it tells an initiator whose POST answer was lost to PUT instead.
      return registered ? notAllowed() : register(call);
    case 'PUT':
      return registered ? register(call) : notAllowed();
    case 'DELETE':
      if (!registered) return notAllowed();
      // Ending the connection is no recovery step: a replaced token, possibly a leaked one, may not.
      if (caller.kind === 'previous') return unauthorized();
      // Unregistering ends every exchange with the partner: its tokens and ours are forgotten.
      await call.config.store.remove(caller.partner.id);
      return reply(1000);
    default:
      return readCredentials(call);
  }
}

/** HTTP 401, worded as for an unknown token: nothing tells the caller its token is a replaced one. */
export function unauthorized(): Response {
  return httpError(401, 'Missing or unknown credentials token', { 'WWW-Authenticate': 'Token' });
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
 * POST (register) and PUT (update, switch version, rotate tokens): read the initiator's credentials,
 * call it back with its token B, check its modules, then mint token C, store the partner and answer
 * with C. The partner is stored before the answer, with the token this request came with kept as the
 * previous token: if we crash before the initiator receives C, it can come back with that token (e.g.
 * with PUT, or GET to read C) and nothing is lost.
 */
async function register(call: CredentialsCall): Promise<Response> {
  const { config, version, caller } = call;
  const maxBytes = config.maxBodyBytes ?? DEFAULT_MAX_CREDENTIALS_BODY_BYTES;
  const body = await readCredentialsBody(call.request, version, config.validation ?? 'lenient', maxBytes);
  if (!body.ok) {
    if ('tooLarge' in body) return httpError(413, body.message);
    // Broken JSON never reached the OCPI layer: HTTP 400. A JSON body that is not valid credentials
    // did, and gets 2001 with HTTP 200 (status_codes, introduction).
    return body.invalidJson
      ? httpError(400, 'The request body is not valid JSON')
      : reply(2001, { status_message: body.message });
  }
  const { credentials } = body;
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
  // The partner's update supersedes one of ours that was never confirmed.
  const { rotationPending: _superseded, ...kept } = caller.partner;
  const record: PartnerRecord = {
    // Whatever else the app keeps on the record (its name, its contract...) stays.
    ...kept,
    status: 'registered',
    incomingToken: tokenC,
    previousIncomingToken: caller.token,
    outgoingToken: credentials.token,
    tokenEncoding: api.tokenEncoding,
    version: api.version,
    versionsUrl: credentials.url,
    versionUrl: api.versionUrl,
    endpoints: api.endpoints,
    roles: credentials.roles,
  };
  await config.store.save(record);
  return reply(1000, { data: ourCredentials(config, call.baseUrl, version, tokenC) });
}
