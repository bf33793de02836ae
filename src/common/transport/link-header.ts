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
  scanLinks(header, true, (target, rel, params) => {
    const url = resolve(target, baseUrl);
    if (url !== undefined) links.push({ url: url.href, rel: relationsOf(rel), params: params ?? {} });
    return false;
  });
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

/**
 * {@link findNextLink} as a parsed URL, for paging, which sends it as it is. Only what finding `next`
 * needs is read: no parameter other than `rel` is kept, and no other link's target is resolved.
 */
export function nextLinkUrl(header: string | null | undefined, requestUrl: string | URL): URL | undefined {
  if (!header) return undefined;
  // What nearly every paginated response sends: one link, to the next page, in its plainest form.
  const only = soleNextLink(header);
  if (only !== undefined) return resolve(only, requestUrl);
  let next: URL | undefined;
  scanLinks(header, false, (target, rel) => {
    if (!hasRelation(rel, 'next')) return false;
    next = resolve(target, requestUrl);
    return next !== undefined;
  });
  return next;
}

// The target of a header that is exactly `<target>; rel="next"` (or `rel=next`), else undefined. Read
// the long way, it gives the same answer.
function soleNextLink(header: string): string | undefined {
  const close = header.indexOf('>');
  if (header.charCodeAt(0) !== LESS_THAN || close === -1) return undefined;
  const rest = header.length - close - 1;
  const plain =
    (rest === QUOTED_NEXT.length && header.endsWith(QUOTED_NEXT)) ||
    (rest === BARE_NEXT.length && header.endsWith(BARE_NEXT));
  return plain ? header.slice(1, close).trim() : undefined;
}

const QUOTED_NEXT = '; rel="next"';
const BARE_NEXT = '; rel=next';

/**
 * Called with each well-formed link: its target as written, its first `rel` (`''` without one) and,
 * when asked for, its parameters. Returning true ends the scan.
 */
type LinkVisitor = (target: string, rel: string, params: Record<string, string> | undefined) => boolean;

// Character codes of the header's syntax.
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const LESS_THAN = 60;
const EQUALS = 61;
const BACKSLASH = 92;

/** The rest of the header cannot hold another link (an unclosed `<` or quote). */
const END = 'end';

interface Cursor {
  readonly text: string;
  position: number;
}

function scanLinks(header: string, withParams: boolean, visit: LinkVisitor): void {
  const cursor: Cursor = { text: header, position: 0 };
  for (;;) {
    skipWhile(cursor, isSeparator);
    if (cursor.position >= header.length) return;
    const link = readLink(cursor, withParams);
    if (link === END) return;
    if (link !== undefined && visit(link.target, link.rel, link.params)) return;
  }
}

interface RawLink {
  target: string;
  rel: string;
  params: Record<string, string> | undefined;
}

function readLink(cursor: Cursor, withParams: boolean): RawLink | undefined | typeof END {
  const { text } = cursor;
  if (text.charCodeAt(cursor.position) !== LESS_THAN) return skipToNextLink(cursor);
  const close = text.indexOf('>', cursor.position);
  if (close === -1) return END;
  const target = text.slice(cursor.position + 1, close).trim();
  cursor.position = close + 1;

  // No prototype: a parameter named `__proto__` or `constructor` is a parameter like any other.
  const params: Record<string, string> | undefined = withParams ? Object.create(null) : undefined;
  let rel: string | undefined;
  for (;;) {
    skipWhile(cursor, isWhitespace);
    if (cursor.position >= text.length) break;
    const code = text.charCodeAt(cursor.position);
    if (code === COMMA) break;
    if (code !== SEMICOLON) return skipToNextLink(cursor);
    cursor.position++;
    const param = readParam(cursor);
    if (param === END) return END;
    if (param === undefined) return skipToNextLink(cursor);
    // RFC 8288: only the first `rel` counts; a parameter's first occurrence wins in general.
    if (param.name === 'rel') rel ??= param.value;
    if (params !== undefined && !Object.hasOwn(params, param.name)) params[param.name] = param.value;
  }
  return { target, rel: rel ?? '', params };
}

function readParam(cursor: Cursor): { name: string; value: string } | undefined | typeof END {
  const { text } = cursor;
  skipWhile(cursor, isWhitespace);
  const name = takeToken(cursor).toLowerCase();
  if (!name) return undefined;
  skipWhile(cursor, isWhitespace);
  if (text.charCodeAt(cursor.position) !== EQUALS) return { name, value: '' };
  cursor.position++;
  skipWhile(cursor, isWhitespace);
  if (text.charCodeAt(cursor.position) !== QUOTE) {
    const value = takeToken(cursor);
    return value ? { name, value } : undefined;
  }
  // A quoted string: copied in runs between escapes, so the common one without escapes is one slice.
  cursor.position++;
  let value = '';
  let run = cursor.position;
  for (;;) {
    if (cursor.position >= text.length) return END;
    const code = text.charCodeAt(cursor.position++);
    if (code === QUOTE) return { name, value: value + text.slice(run, cursor.position - 1) };
    if (code === BACKSLASH) {
      if (cursor.position >= text.length) return END;
      value += text.slice(run, cursor.position - 1) + text.charAt(cursor.position);
      cursor.position++;
      run = cursor.position;
    }
  }
}

// Moves past a malformed link: to the next comma outside a quoted string, or to the end.
function skipToNextLink(cursor: Cursor): undefined | typeof END {
  const { text } = cursor;
  let quoted = false;
  while (cursor.position < text.length) {
    const code = text.charCodeAt(cursor.position++);
    if (quoted && code === BACKSLASH) cursor.position++;
    else if (code === QUOTE) quoted = !quoted;
    else if (code === COMMA && !quoted) return undefined;
  }
  cursor.position = text.length;
  return quoted ? END : undefined;
}

function takeToken(cursor: Cursor): string {
  const start = cursor.position;
  skipWhile(cursor, isTokenCode);
  return cursor.text.slice(start, cursor.position);
}

function skipWhile(cursor: Cursor, accepts: (code: number) => boolean): void {
  const { text } = cursor;
  while (cursor.position < text.length && accepts(text.charCodeAt(cursor.position))) cursor.position++;
}

function resolve(target: string, baseUrl: string | URL | undefined): URL | undefined {
  try {
    // An absolute http(s) target needs no base, and the base would be parsed again for nothing.
    return ABSOLUTE_WEB_URL.test(target) ? new URL(target) : new URL(target, baseUrl);
  } catch {
    return undefined;
  }
}

// With its `//`: `http:next` is relative to a base of the same scheme.
const ABSOLUTE_WEB_URL = /^https?:\/\//i;

// A `rel` holds relation types separated by whitespace, compared without case.
function relationsOf(rel: string): string[] {
  return rel
    .toLowerCase()
    .split(/[ \t]+/)
    .filter(Boolean);
}

function hasRelation(rel: string, wanted: string): boolean {
  let start = 0;
  for (let index = 0; index <= rel.length; index++) {
    if (index < rel.length && !isWhitespace(rel.charCodeAt(index))) continue;
    if (index - start === wanted.length && rel.slice(start, index).toLowerCase() === wanted) return true;
    start = index + 1;
  }
  return false;
}

function isWhitespace(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isSeparator(code: number): boolean {
  return code === COMMA || isWhitespace(code);
}

// RFC 9110 token characters: letters, digits and !#$%&'*+-.^_`|~
function isTokenCode(code: number): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  switch (code) {
    case 33: // !
    case 35: // #
    case 36: // $
    case 37: // %
    case 38: // &
    case 39: // '
    case 42: // *
    case 43: // +
    case 45: // -
    case 46: // .
    case 94: // ^
    case 95: // _
    case 96: // `
    case 124: // |
    case 126: // ~
      return true;
    default:
      return false;
  }
}
