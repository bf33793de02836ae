/**
 * One link of a `Link` header (RFC 8288): its target, resolved against the request URL, its relation
 * types (lower-cased) and its other parameters.
 */
export interface LinkValue {
  readonly url: string;
  readonly rel: readonly string[];
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parses a `Link` header into its links, resolving relative targets against `baseUrl`.
 *
 * A hand-written scanner that moves forward only: its time is linear in the header's length whatever
 * the input, so a hostile partner cannot stall a client with a crafted header (backtracking regular
 * expressions can). A malformed link is skipped up to the next comma; a link whose target does not
 * resolve to a URL is dropped.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_pagination
 */
export function parseLinkHeader(header: string, baseUrl?: string | URL): LinkValue[] {
  const links: LinkValue[] = [];
  const scanner = new Scanner(header);
  while (!scanner.done()) {
    scanner.skip(isSeparator);
    if (scanner.done()) break;
    const link = readLink(scanner, baseUrl);
    if (link === 'end') break;
    if (link) links.push(link);
  }
  return links;
}

/**
 * The target of the first link with relation type `next`, resolved against `requestUrl`, or
 * `undefined` when the header is absent or has none: the last page.
 *
 * @example
 * findNextLink('</ocpi/cpo/2.2.1/cdrs?offset=50&limit=50>; rel="next"', 'https://cpo.example.com/ocpi/cpo/2.2.1/cdrs');
 * // 'https://cpo.example.com/ocpi/cpo/2.2.1/cdrs?offset=50&limit=50'
 */
export function findNextLink(
  header: string | null | undefined,
  requestUrl: string | URL,
): string | undefined {
  return nextLinkUrl(header, requestUrl)?.href;
}

/** {@link findNextLink} as a parsed URL, for paging, which sends it as it is. */
export function nextLinkUrl(header: string | null | undefined, requestUrl: string | URL): URL | undefined {
  if (!header) return undefined;
  // What nearly every paginated response sends, one plain link to the next page, is read without the
  // scanner; read by it, it gives the same answer.
  const only = soleNextLink(header);
  if (only !== undefined) return resolve(only, requestUrl);
  const next = parseLinkHeader(header, requestUrl).find((link) => link.rel.includes('next'));
  return next && new URL(next.url);
}

// The target of a header that is exactly `<target>; rel="next"` or `<target>; rel=next`.
function soleNextLink(header: string): string | undefined {
  const close = header.indexOf('>');
  if (!header.startsWith('<') || close === -1) return undefined;
  const rest = header.slice(close + 1);
  return rest === '; rel="next"' || rest === '; rel=next' ? header.slice(1, close).trim() : undefined;
}

// 'end' means the rest of the header cannot hold another link (an unclosed `<` or quote).
function readLink(scanner: Scanner, baseUrl: string | URL | undefined): LinkValue | undefined | 'end' {
  if (scanner.peek() !== '<') return skipToNextLink(scanner);
  const close = scanner.indexOf('>');
  if (close === -1) return 'end';
  const target = scanner.take(close).slice(1);
  scanner.advance(1);

  // No prototype: a parameter named `__proto__` or `constructor` is a parameter like any other.
  const params: Record<string, string> = Object.create(null);
  let rel: string | undefined;
  for (;;) {
    scanner.skip(isWhitespace);
    const char = scanner.peek();
    if (char === undefined || char === ',') break;
    if (char !== ';') return skipToNextLink(scanner);
    scanner.advance(1);
    const param = readParam(scanner);
    if (param === 'end') return 'end';
    if (!param) return skipToNextLink(scanner);
    // RFC 8288: only the first `rel` counts; a parameter's first occurrence wins in general.
    if (param.name === 'rel') rel ??= param.value;
    if (!Object.hasOwn(params, param.name)) params[param.name] = param.value;
  }

  const url = resolve(target.trim(), baseUrl)?.href;
  if (url === undefined) return undefined;
  const relations = (rel ?? '')
    .toLowerCase()
    .split(/[ \t]+/)
    .filter(Boolean);
  return { url, rel: relations, params };
}

function readParam(scanner: Scanner): { name: string; value: string } | undefined | 'end' {
  scanner.skip(isWhitespace);
  const name = scanner.takeWhile(isTokenChar).toLowerCase();
  if (!name) return undefined;
  scanner.skip(isWhitespace);
  if (scanner.peek() !== '=') return { name, value: '' };
  scanner.advance(1);
  scanner.skip(isWhitespace);
  if (scanner.peek() === '"') return readQuotedString(scanner);
  const value = scanner.takeWhile(isTokenChar);
  return value ? { name, value } : undefined;

  function readQuotedString(s: Scanner): { name: string; value: string } | 'end' {
    s.advance(1);
    let value = '';
    for (;;) {
      const char = s.peek();
      if (char === undefined) return 'end';
      s.advance(1);
      if (char === '"') return { name, value };
      if (char === '\\') {
        const escaped = s.peek();
        if (escaped === undefined) return 'end';
        s.advance(1);
        value += escaped;
      } else {
        value += char;
      }
    }
  }
}

// Moves past a malformed link: to the next comma outside a quoted string, or to the end.
function skipToNextLink(scanner: Scanner): undefined | 'end' {
  let quoted = false;
  for (;;) {
    const char = scanner.peek();
    if (char === undefined) return quoted ? 'end' : undefined;
    scanner.advance(1);
    if (quoted && char === '\\') scanner.advance(1);
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) return undefined;
  }
}

function resolve(target: string, baseUrl: string | URL | undefined): URL | undefined {
  try {
    // An absolute http(s) target needs no base, which would be parsed again for nothing. With its `//`:
    // `http:next` is relative to a base of the same scheme.
    return /^https?:\/\//i.test(target) ? new URL(target) : new URL(target, baseUrl);
  } catch {
    return undefined;
  }
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t';
}

function isSeparator(char: string): boolean {
  return char === ',' || isWhitespace(char);
}

// RFC 9110 token characters.
const TOKEN_CHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;

function isTokenChar(char: string): boolean {
  return TOKEN_CHAR.test(char);
}

class Scanner {
  #position = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  done(): boolean {
    return this.#position >= this.#text.length;
  }

  peek(): string | undefined {
    return this.#text[this.#position];
  }

  advance(count: number): void {
    this.#position = Math.min(this.#position + count, this.#text.length);
  }

  indexOf(char: string): number {
    return this.#text.indexOf(char, this.#position);
  }

  /** Returns the text up to `end` (exclusive) and moves there. */
  take(end: number): string {
    const text = this.#text.slice(this.#position, end);
    this.#position = end;
    return text;
  }

  takeWhile(predicate: (char: string) => boolean): string {
    const start = this.#position;
    while (!this.done() && predicate(this.#text[this.#position] as string)) this.#position++;
    return this.#text.slice(start, this.#position);
  }

  skip(predicate: (char: string) => boolean): void {
    this.takeWhile(predicate);
  }
}
