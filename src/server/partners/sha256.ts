import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// SHA-256 from @noble/hashes (audited, dependency-free) rather than Web Crypto: `crypto.subtle.digest`
// hands each short token to a thread pool and back, about 50 µs of the main thread per lookup against a
// few µs here. Checked against Web Crypto in test/server/partners/sha256.test.ts.

/** The SHA-256 digest of `bytes` as 64 lowercase hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
