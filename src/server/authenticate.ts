import type { TokenEncoding } from '../common/auth/authorization-header';
import { type AcceptedTokenEncoding, matchCredentialsToken } from '../common/auth/match-credentials-token';
import {
  type IncomingTokenKind,
  incomingTokenKind,
  mayUseModule,
  retirePreviousIncomingToken,
} from './partners/authenticate-partner';
import type { PartnerRecord, PartnerStore } from './partners/partner-store';

/** A request whose token belongs to a known partner: the partner, the token and how it was encoded. */
export interface Caller {
  partner: PartnerRecord;
  /** The decoded token the request carried: the partner demonstrably holds it. */
  token: string;
  /** Which of the partner's tokens it was: a replaced one only serves recovery. */
  kind: IncomingTokenKind;
  encoding: TokenEncoding;
}

/**
 * The partner behind a request's `Authorization` header, or `undefined`, which the caller answers with
 * HTTP 401: the spec's answer to a missing header and to a token of no known party.
 */
export async function authenticate(
  request: Request,
  store: PartnerStore,
  accept: AcceptedTokenEncoding,
): Promise<Caller | undefined> {
  // With `both`, the raw and the decoded form are looked up separately; a store hands out a fresh copy
  // per lookup, so the same partner must be recognised by id, not by object identity.
  const seen = new Map<string, PartnerRecord>();
  const lookup = async (token: string) => {
    const found = await store.findByToken(token);
    if (found === undefined) return undefined;
    const known = seen.get(found.id);
    if (known) return known;
    seen.set(found.id, found);
    return found;
  };
  const match = await matchCredentialsToken(request.headers.get('authorization'), lookup, { accept });
  if (!match.matched) return undefined;
  const kind = incomingTokenKind(match.partner, match.token);
  if (kind === undefined) return undefined;
  return { partner: match.partner, token: match.token, kind, encoding: match.encoding };
}

/**
 * Whether a caller may use a module. Token A and a replaced token open only the versions (list and
 * details) and credentials modules; anywhere else they get HTTP 401 (2.2.1 transport_and_format,
 * "Authorization header"). The handler serves only those modules today; the rule stays explicit for
 * when others are added.
 */
export function mayUse(caller: Caller, module: string): boolean {
  return mayUseModule({ partner: caller.partner, token: caller.kind }, module);
}

/**
 * Once a request with the partner's current incoming token was answered successfully, the partner has
 * proven it holds that token: the token it replaced stops working. Until then, and at most until its
 * recovery window ends, both work, so a crash between storing a new token and the partner receiving it
 * never locks the partner out. The write is
 * conditional on the record the request read: if another request changed it meanwhile (a PUT rotated
 * the tokens, a DELETE removed the partner), nothing is written.
 */
export async function retirePreviousToken(store: PartnerStore, caller: Caller): Promise<Caller> {
  const partner = await retirePreviousIncomingToken(store, caller.partner, caller.token);
  return partner === caller.partner ? caller : { ...caller, partner };
}
