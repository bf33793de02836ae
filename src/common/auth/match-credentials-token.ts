import { decodeCredential, parseAuthorizationHeader, type TokenEncoding } from './authorization-header';
import { isReceivableCredentialsToken } from './credentials-token';

// The longest well-formed value is `Token ` and the Base64 of a 64-character token (88 characters); the
// rest is slack for the extra spaces some clients send. Longer values are not even parsed.
const MAX_AUTHORIZATION_LENGTH = 256;

/** Which encodings a server accepts for incoming tokens: one of them, or `both` for mixed partners. */
export type AcceptedTokenEncoding = TokenEncoding | 'both';

/** Finds the partner that owns a credentials token, e.g. in a database; `undefined` when none does. */
export type TokenLookup<Partner> = (token: string) => Partner | undefined | Promise<Partner | undefined>;

/** The outcome of {@link matchCredentialsToken}. Every failure maps to HTTP 401 in both versions. */
export type TokenMatch<Partner> =
  | { matched: true; partner: Partner; token: string; encoding: TokenEncoding }
  | { matched: false; reason: TokenMismatchReason };

/**
 * Why no partner matched: no usable `Authorization: Token` header, a credential that is not a credentials
 * token in any accepted encoding (wrong characters, over 64 characters, a header too long to hold one),
 * no partner with that token, or (with `both`) the raw and the decoded form belonging to two different
 * partners, which leaves the caller unidentifiable.
 */
export type TokenMismatchReason = 'missing' | 'malformed' | 'unknown' | 'ambiguous';

/**
 * Identifies the partner behind an incoming request's `Authorization` header.
 *
 * With `accept: 'both'` the credential is looked up as sent and as its Base64 decoding, because a raw
 * token can itself be valid Base64; the result says which form matched, so a server can learn each
 * partner's habit.
 *
 * Only a credentials token as the spec defines it (printable ASCII without whitespace, at most 64
 * characters) reaches `lookup`: anything else, such as the NUL byte that `Token AA==` decodes to, is
 * `malformed` without a lookup, so a store never sees what its column type may not hold.
 *
 * @example
 * const match = await matchCredentialsToken(request.headers.get('authorization'), findPartnerByToken, {
 *   accept: 'both',
 * });
 * if (!match.matched) return new Response(null, { status: 401 });
 */
export async function matchCredentialsToken<Partner>(
  header: string | null | undefined,
  lookup: TokenLookup<Partner>,
  options: { accept: AcceptedTokenEncoding },
): Promise<TokenMatch<Partner>> {
  if (header && header.length > MAX_AUTHORIZATION_LENGTH) return { matched: false, reason: 'malformed' };
  const credential = parseAuthorizationHeader(header);
  if (credential === undefined) return { matched: false, reason: 'missing' };

  const encodings: TokenEncoding[] = options.accept === 'both' ? ['raw', 'base64'] : [options.accept];
  const found: Array<{ partner: Partner; token: string; encoding: TokenEncoding }> = [];
  let decodable = false;
  for (const encoding of encodings) {
    const token = decodeCredential(credential, encoding);
    if (token === undefined || !isReceivableCredentialsToken(token)) continue;
    decodable = true;
    const partner = await lookup(token);
    if (partner !== undefined) found.push({ partner, token, encoding });
  }

  const [first, second] = found;
  if (first === undefined) return { matched: false, reason: decodable ? 'unknown' : 'malformed' };
  if (second !== undefined && second.partner !== first.partner)
    return { matched: false, reason: 'ambiguous' };
  return { matched: true, ...first };
}
