import { isReceivableCredentialsToken } from '../auth/credentials-token';
import type { PartnerRecord, PartnerStore } from './partner-store';

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
 * as current.
 */
export function incomingTokenKind(partner: PartnerRecord, token: string): IncomingTokenKind | undefined {
  if (token === partner.incomingToken) return 'current';
  if (partner.previousIncomingToken !== undefined && token === partner.previousIncomingToken) {
    return partner.rotationPending ? 'current' : 'previous';
  }
  return undefined;
}

/**
 * Authenticates a partner's request by the token it carried: the way to guard an app's own modules
 * (locations, sessions, cdrs...). Only a registered partner's current token may use those; check with
 * {@link mayUseModule}. A replaced (`previous`) token or an invited partner's token A gets HTTP 401
 * there (2.2.1 transport_and_format, "Authorization header"; credentials, "Registration").
 *
 * The first request with the current token retires the previous one, as the registration handler does:
 * the partner has proven it holds the new token.
 *
 * A token outside the spec's rules (printable ASCII without whitespace, at most 64 characters) gives
 * `undefined` without reaching the store.
 *
 * @example
 * const caller = await authenticatePartner(store, tokenFromHeader);
 * if (caller === undefined || !mayUseModule(caller, 'cdrs')) return unauthorized();
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
  if (kind === 'previous') return { partner: found, token: kind };
  return { partner: await retirePreviousIncomingToken(store, found, token), token: kind };
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
 * before it decides, and may still refuse and keep the old one.
 */
export async function retirePreviousIncomingToken(
  store: PartnerStore,
  partner: PartnerRecord,
  token: string,
): Promise<PartnerRecord> {
  if (
    partner.previousIncomingToken === undefined ||
    partner.rotationPending ||
    token !== partner.incomingToken
  ) {
    return partner;
  }
  const { previousIncomingToken: _retired, ...current } = partner;
  await store.save(current);
  return current;
}
