import { CREDENTIALS_TOKEN_MAX_LENGTH, isCredentialsToken } from '../../common/auth/credentials-token';
import type { PartnerStore } from '../../server/partners/partner-store';

/**
 * Checks a token B the caller chose, before anything is sent or stored: the credentials token's rules
 * of both versions (1 to 64 printable ASCII characters, no whitespace), and that no other partner in the
 * store holds it, since a token shared by two partners would let one act as the other. The messages
 * never show the token.
 *
 * @throws TypeError naming the rule it breaks.
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_credentials_object
 */
export async function checkChosenToken(
  store: PartnerStore,
  partnerId: string,
  token: string,
  during: string,
): Promise<void> {
  if (token.length === 0 || token.length > CREDENTIALS_TOKEN_MAX_LENGTH) {
    throw new TypeError(
      `${during}: tokenB must have 1 to ${CREDENTIALS_TOKEN_MAX_LENGTH} characters; the one given has ${token.length}`,
    );
  }
  if (!isCredentialsToken(token)) {
    throw new TypeError(
      `${during}: tokenB must be printable ASCII without whitespace (U+0021 to U+007E only)`,
    );
  }
  const holder = await store.findByToken(token);
  if (holder !== undefined && holder.id !== partnerId) {
    throw new TypeError(`${during}: tokenB is already a token of another partner in the store`);
  }
}
