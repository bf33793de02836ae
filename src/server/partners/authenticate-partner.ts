import { isReceivableCredentialsToken } from '../../common/auth/credentials-token';
import type { PartnerRecord, PartnerStore } from './partner-store';
import { constantTimeEqual } from './token-hash';

/**
 * Which of a partner's incoming tokens a request carried. `previous` is a token that was replaced and is
 * kept only so that a partner that lost our answer can recover the new one.
 */
export type IncomingTokenKind = 'current' | 'previous';

/** A partner recognised by its token, and which of its tokens that was. */
export interface AuthenticatedPartner {
  partner: PartnerRecord;
  token: IncomingTokenKind;
}

/**
 * Which of the partner's incoming tokens `token` is, or `undefined` for neither. While our own update is
 * unconfirmed (`rotationPending`) the partner may still hold the old token in good faith, so it counts
 * as current. Otherwise the old token is `previous` only until its recovery window ends
 * (`previousIncomingTokenExpiresAt`), and nothing after that. Both comparisons take the same time wherever
 * the strings differ ({@link constantTimeEqual}).
 */
export function incomingTokenKind(
  partner: PartnerRecord,
  token: string,
  now: number = Date.now(),
): IncomingTokenKind | undefined {
  // Both are compared whatever the first gives, so the time does not tell which one matched.
  const current = constantTimeEqual(token, partner.incomingToken);
  const previous =
    partner.previousIncomingToken !== undefined && constantTimeEqual(token, partner.previousIncomingToken);
  if (current) return 'current';
  if (!previous) return undefined;
  if (partner.rotationPending) return 'current';
  return mayStillRecover(partner, now) ? 'previous' : undefined;
}

/**
 * Whether a replaced token is still within its recovery window. A record that names no end (stored by a
 * version of the SDK without windows, or written by hand) gives it none: an unbounded replaced token is
 * what the window exists to prevent. An unreadable date counts as ended.
 */
function mayStillRecover(partner: PartnerRecord, now: number): boolean {
  const until = partner.previousIncomingTokenExpiresAt;
  return until !== undefined && now < Date.parse(until);
}

/**
 * Authenticates a partner's request by the token it carried: the way to guard an app's own modules
 * (locations, sessions, cdrs...). Only a registered partner's current token may use those; check with
 * {@link mayUseModule}. A replaced (`previous`) token or an invited partner's token A gets HTTP 401
 * there (2.2.1 transport_and_format, "Authorization header"; credentials, "Registration").
 *
 * It only reads. A replaced token serves recovery (versions and credentials only) until the first of: the
 * app calls {@link confirmCurrentToken} after it answered a request with the current token successfully,
 * the registration handler answers a GET with the current token successfully, or the recovery window
 * stored with it ends (`recoveryWindowMs` of the handler, 15 minutes by default). After that it is
 * unknown here (`undefined`). A request that fails proves nothing the partner could rely on, so only a
 * successful answer confirms.
 *
 * A token outside the spec's rules (printable ASCII without whitespace, at most 64 characters) gives
 * `undefined` without reaching the store.
 *
 * @example
 * const caller = await authenticatePartner(store, tokenFromHeader);
 * if (caller === undefined || !mayUseModule(caller, 'cdrs')) return unauthorized();
 * const { response, statusCode } = await serveCdrs(request, caller.partner);
 * if (response.ok && statusCode < 2000) await confirmCurrentToken(store, caller);
 */
export async function authenticatePartner(
  store: PartnerStore,
  token: string,
): Promise<AuthenticatedPartner | undefined> {
  // What is no credentials token belongs to no partner, and must not reach a store that may choke on it.
  if (!isReceivableCredentialsToken(token)) return undefined;
  const found = await store.findByToken(token);
  const kind = found && incomingTokenKind(found, token);
  if (found === undefined || kind === undefined) return undefined;
  return { partner: found, token: kind };
}

/**
 * Retires the partner's previous incoming token after a request with its current one was answered
 * successfully: the partner has shown it holds the new token, so the old one (which still opened
 * recovery: GET and PUT credentials) stops working at once rather than when its recovery window ends.
 * Any successful request with the current token does this, in the registration handler and wherever the
 * app calls it. Does nothing for a request with the previous token, or while our own update is
 * unconfirmed (`rotationPending`), when both stay valid.
 *
 * The write is conditional: if the record changed since the request read it (a PUT that rotated the
 * tokens, a DELETE), retiring no longer applies and nothing is written; the next request decides again.
 *
 * @returns The caller with the record as now stored, or as it was when nothing was written.
 */
export async function confirmCurrentToken(
  store: PartnerStore,
  caller: AuthenticatedPartner,
): Promise<AuthenticatedPartner> {
  // With `rotationPending` set, 'current' may be the old token: retirePreviousIncomingToken skips that.
  if (caller.token !== 'current') return caller;
  const partner = await retirePreviousIncomingToken(store, caller.partner, caller.partner.incomingToken);
  return partner === caller.partner ? caller : { ...caller, partner };
}

// Modules an invited partner or a replaced token may still reach: the ones the handshake needs.
const CONFIGURATION_MODULES: readonly string[] = ['versions', 'credentials'];

/**
 * Whether an authenticated partner may use a module: any module with a registered partner's current
 * token; otherwise only versions and credentials, where the registration handler applies its own rules.
 */
export function mayUseModule(caller: AuthenticatedPartner, module: string): boolean {
  if (CONFIGURATION_MODULES.includes(module)) return true;
  return caller.token === 'current' && caller.partner.status === 'registered';
}

/**
 * Forgets the previous incoming token once the partner used its current one: from then on the old token
 * is dead. Not while our own update is unconfirmed: the partner uses the new token on its callbacks
 * before it decides, and may still refuse and keep the old one. A conditional write of the record as
 * read: when it lost a race (someone else wrote the record since), or the record was not read from the
 * store (no revision, so the write could only create it again), the record is left as it is and
 * `partner` is returned unchanged.
 */
export async function retirePreviousIncomingToken(
  store: PartnerStore,
  partner: PartnerRecord,
  token: string,
): Promise<PartnerRecord> {
  if (
    partner.previousIncomingToken === undefined ||
    partner.rotationPending ||
    partner.revision === undefined ||
    !constantTimeEqual(token, partner.incomingToken)
  ) {
    return partner;
  }
  const { previousIncomingToken: _retired, previousIncomingTokenExpiresAt: _window, ...current } = partner;
  return (await store.save(current)) ?? partner;
}
