/**
 * The origins a partner's token may be sent to: those of the URLs the partner gave (its versions URL,
 * version details URL and endpoints), plus an explicit allow-list. Comparing origins (scheme, host and
 * port) means `https://partner.example` never lets the token go to `http://partner.example` or to
 * `https://partner.example.evil.com`.
 *
 * Only http and https origins are ever trusted: any other URL (`data:`, `blob:`, `file:`, a custom
 * scheme) has an opaque origin, which reads `"null"` for all of them alike, so trusting one would trust
 * them all.
 *
 * @example
 * const trusted = new TrustedOrigins(details.endpoints.map((endpoint) => endpoint.url), ['https://cdn.partner.example']);
 * trusted.trusts('https://cdn.partner.example/page/2'); // true
 */
export class TrustedOrigins {
  readonly #origins = new Set<string>();

  /**
   * @param partnerUrls URLs the partner gave. One that is not an http(s) URL (or does not parse) is
   *   left untrusted, so a request to it is refused when sent: partner data never throws here.
   * @param allowedOrigins Origins trusted on the user's word; each must be a bare http(s) origin (see {@link add}).
   */
  constructor(partnerUrls: Iterable<string | URL> = [], allowedOrigins: Iterable<string | URL> = []) {
    for (const url of partnerUrls) {
      const origin = webOrigin(url);
      if (origin !== undefined) this.#origins.add(origin);
    }
    for (const url of allowedOrigins) this.add(url);
  }

  /**
   * Trusts `origin`: an http(s) URL of a scheme, host and optional port, such as
   * `https://cdn.partner.example` (a trailing `/` is fine). Throws a `TypeError` for anything else, a
   * configuration mistake: trust is per origin, so an entry with a path (`https://cdn.example/only/this`)
   * would trust the whole host while reading as if it trusted one path, and is refused rather than
   * silently widened. So are a query, a fragment and user info.
   */
  add(origin: string | URL): void {
    const trusted = webOrigin(origin);
    if (trusted === undefined) {
      throw new TypeError(
        `TrustedOrigins: only http and https origins can be trusted, not ${kindOf(origin)}`,
      );
    }
    if (!isBareOrigin(origin)) {
      // Named by its origin alone: the rest may carry a secret (user info, a token in the path or query).
      throw new TypeError(
        `TrustedOrigins: an allowed origin has no path, query, fragment or user info: ${trusted}`,
      );
    }
    this.#origins.add(trusted);
  }

  /** True when a request to `url` may carry the token: an http(s) URL of a trusted origin. */
  trusts(url: string | URL): boolean {
    const origin = webOrigin(url);
    return origin !== undefined && this.#origins.has(origin);
  }
}

// `https://host`, `https://host/` or `https://host:8443`: a URL with nothing beyond its origin (a path,
// query, fragment or user info) reads as its origin and a slash.
function isBareOrigin(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.href === `${parsed.origin}/`;
}

function webOrigin(url: string | URL): string | undefined {
  const parsed = parse(url);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.origin : undefined;
}

// Names the scheme only: the rest of a URL may carry user info or a token.
function kindOf(url: string | URL): string {
  const parsed = parse(url);
  return parsed ? `a ${parsed.protocol} URL` : 'text that is not a URL';
}

function parse(url: string | URL): URL | undefined {
  // Already parsed: every request URL is, and parsing it again would cost each call another parse.
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
