// Base64 (RFC 4648 §4, the standard alphabet) over UTF-8, with web-standard APIs only, so that the same
// code runs in Node, browsers, Deno, Bun and edge runtimes.

import { trimTrailing } from '../text/trim-trailing';

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 of the UTF-8 bytes of `text`, padded. */
export function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes standard-alphabet Base64 (padding optional) whose bytes are valid UTF-8. Returns `undefined`
 * for anything else, including the URL-safe alphabet, misplaced padding and invalid UTF-8.
 */
export function decodeBase64Utf8(encoded: string): string | undefined {
  if (encoded.length === 0 || encoded.length % 4 === 1 || !STANDARD_BASE64.test(encoded)) return undefined;
  const unpadded = trimTrailing(encoded, '=');
  if (encoded.length % 4 !== 0 && unpadded.length !== encoded.length) return undefined;
  let binary: string;
  try {
    binary = atob(unpadded);
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
