// Both versions ask for printable, non-whitespace ASCII (U+0021..U+007E) in a credentials token.
const CREDENTIALS_TOKEN = /^[\x21-\x7E]+$/;

/** Whether `token` can be a credentials token: non-empty printable ASCII without whitespace. */
export function isCredentialsToken(token: string): boolean {
  return CREDENTIALS_TOKEN.test(token);
}
