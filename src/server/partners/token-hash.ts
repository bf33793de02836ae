import type { PartnerStore } from './partner-store';
import { sha256Hex } from './sha256';

/**
 * The SHA-256 digest of a token, as 64 lowercase hex characters: what a {@link PartnerStore} keeps to
 * find a partner by its token, so that its lookup column holds no usable secret and a lookup compares
 * digests, never the tokens themselves. Tokens are random and long (see `mintToken`), so a plain,
 * unsalted hash is enough: there is nothing to guess from a dictionary.
 *
 * @example
 * // A PostgreSQL store: one indexed column per incoming token.
 * await sql`UPDATE partners SET incoming_token_hash = ${await hashToken(record.incomingToken)} WHERE ...`;
 * const rows = await sql`SELECT * FROM partners WHERE incoming_token_hash = ${await hashToken(token)}
 *   OR previous_incoming_token_hash = ${await hashToken(token)}`;
 */
export async function hashToken(token: string): Promise<string> {
  // Not Web Crypto: for a token, its round trip through a thread pool costs ten times the hash (sha256.ts).
  return sha256Hex(new TextEncoder().encode(token));
}

/**
 * Whether two strings are equal, in a time that does not depend on where they differ: every character
 * of the longer one is looked at, so an attacker timing the answer learns nothing about how much of a
 * guessed token was right. Only the lengths may show (they are no secret: minted tokens are all 43
 * characters). Use it to compare a token, or a digest from {@link hashToken}, with a stored one.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let index = 0; index < length; index++) {
    // Past the end charCodeAt gives NaN, which `| 0` makes 0: the loop never stops early.
    difference |= (a.charCodeAt(index) | 0) ^ (b.charCodeAt(index) | 0);
  }
  return difference === 0;
}
