import { trimTrailing } from '../../common/text/trim-trailing';

// 32 random bytes (256 bits, above the 128 the SDK promises) from the platform's CSPRNG.
const TOKEN_BYTES = 32;

/**
 * A new credentials token: 256 random bits from `crypto.getRandomValues`, written in the URL-safe
 * Base64 alphabet without padding (43 characters), so it is printable ASCII without whitespace, as
 * both versions require, and fits their 64-character limit. Never log it.
 */
export function mintToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return trimTrailing(btoa(binary), '=').replace(/\+/g, '-').replace(/\//g, '_');
}
