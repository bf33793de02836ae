// Both versions ask for printable, non-whitespace ASCII (U+0021..U+007E) in a credentials token.
const CREDENTIALS_TOKEN = /^[\x21-\x7E]+$/;

/**
 * The longest credentials token either version allows: the credentials object's `token` is a
 * `string(64)` in 2.1.1 and 2.2.1 alike.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_credentials_object
 */
export const CREDENTIALS_TOKEN_MAX_LENGTH = 64;

/** Whether `token` can be a credentials token: non-empty printable ASCII without whitespace. */
export function isCredentialsToken(token: string): boolean {
  return CREDENTIALS_TOKEN.test(token);
}

/**
 * Whether a token received from a partner is worth looking up: the right characters and at most
 * {@link CREDENTIALS_TOKEN_MAX_LENGTH} of them. A token outside the spec's rules belongs to no partner,
 * and a store may fail on what its column cannot hold (a NUL byte in PostgreSQL text), so such a token
 * gets the answer of an unknown one without a lookup.
 */
export function isReceivableCredentialsToken(token: string): boolean {
  return token.length <= CREDENTIALS_TOKEN_MAX_LENGTH && isCredentialsToken(token);
}
