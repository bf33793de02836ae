import { decodeBase64Utf8, encodeBase64Utf8 } from './base64';
import { isCredentialsToken } from './credentials-token';

/**
 * How a credentials token travels in the `Authorization` header: `base64` of its UTF-8 bytes, as
 * OCPI 2.2.1 requires, or `raw`, as OCPI 2.1.1 sends it (and as many 2.2 servers still expect).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_authorization_header
 */
export type TokenEncoding = 'base64' | 'raw';

const SCHEME = 'token';

/**
 * The value of the `Authorization` header for a credentials token sent with `encoding`: what
 * `formatAuthorizationHeader` and the transport build.
 *
 * @throws TypeError when the token is empty or holds anything but printable non-whitespace ASCII. The
 *   message never contains the token.
 */
export function authorizationHeader(token: string, encoding: TokenEncoding): string {
  if (!isCredentialsToken(token)) {
    throw new TypeError('A credentials token must be non-empty printable ASCII without whitespace');
  }
  return `Token ${encoding === 'base64' ? encodeBase64Utf8(token) : token}`;
}

/**
 * Extracts the credential after the `Token` scheme from an `Authorization` header value, exactly as
 * received (still encoded). The scheme is matched without regard to case, as HTTP asks; anything
 * other than the `Token` scheme, or an empty credential, gives `undefined`.
 */
export function parseAuthorizationHeader(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  if (space === -1 || trimmed.slice(0, space).toLowerCase() !== SCHEME) return undefined;
  const credential = trimmed.slice(space + 1).trimStart();
  return credential.length > 0 && !/\s/.test(credential) ? credential : undefined;
}

/**
 * Turns a received credential back into the credentials token, given how it was encoded. Returns
 * `undefined` when a `base64` credential is not valid Base64 of UTF-8 text.
 */
export function decodeCredential(credential: string, encoding: TokenEncoding): string | undefined {
  return encoding === 'raw' ? credential : decodeBase64Utf8(credential);
}
