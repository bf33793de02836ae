/**
 * The origins a partner's token may be sent to: those of the URLs the partner gave (its versions URL,
 * version details URL and endpoints), plus an explicit allow-list. Comparing origins (scheme, host and
 * port) means `https://partner.example` never lets the token go to `http://partner.example` or to
 * `https://partner.example.evil.com`.
 */
export class TrustedOrigins {
  readonly #origins = new Set<string>();

  constructor(urls: Iterable<string | URL> = []) {
    for (const url of urls) this.add(url);
  }

  /** Trusts the origin of `url`. */
  add(url: string | URL): void {
    this.#origins.add(new URL(url).origin);
  }

  /** True when a request to `url` may carry the token. */
  trusts(url: string | URL): boolean {
    return this.#origins.has(new URL(url).origin);
  }
}
