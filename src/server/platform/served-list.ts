import { OcpiRefusal } from './ocpi-refusal';

/** The paging settings of a handler. */
export interface PageLimits {
  /** The most objects a page holds, whatever the partner asks (`X-Limit`). */
  readonly maxLimit: number;
}

/** The default most objects per page: the spec leaves it to the server; enough for a fast sync. */
export const DEFAULT_MAX_PAGE_LIMIT = 100;

// Query parameters the spec defines as numbers; every other one is text.
const NUMERIC_PARAMETERS: readonly string[] = ['offset', 'limit', 'duration'];

/**
 * A request's query parameters as the operation's query schema reads them: numbers where the spec
 * defines numbers (a value that is not a whole number of at most 15 digits is refused with 2001), text
 * elsewhere. A repeated parameter is refused: which of its values was meant cannot be told.
 */
export function queryValues(url: URL): Record<string, unknown> {
  const seen = new Set<string>();
  const entries: [string, unknown][] = [];
  for (const [name, value] of url.searchParams) {
    if (seen.has(name)) {
      throw new OcpiRefusal(2001, `Invalid or missing parameters: ${shorten(name)}: given more than once`);
    }
    seen.add(name);
    entries.push([name, NUMERIC_PARAMETERS.includes(name) ? wholeNumber(name, value) : value]);
  }
  // Own keys whatever the name: a parameter named `__proto__` is one the schema does not know (reported
  // or refused as such), not the prototype of the object.
  return Object.fromEntries(entries);
}

function wholeNumber(name: string, value: string): number {
  if (value.length === 0 || value.length > 15) throw notWhole(name);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x30 || code > 0x39) throw notWhole(name);
  }
  return Number(value);
}

function notWhole(name: string): OcpiRefusal {
  return new OcpiRefusal(2001, `Invalid or missing parameters: ${name}: must be a whole number`);
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

/** The page a list request asks for: `offset` from 0, `limit` capped by the handler's. */
export function servedPage(
  query: { offset?: number | undefined; limit?: number | undefined },
  limits: PageLimits,
) {
  return { offset: query.offset ?? 0, limit: Math.min(query.limit ?? limits.maxLimit, limits.maxLimit) };
}

/**
 * The paging headers of a list answer: `X-Total-Count`, `X-Limit` (the most a page holds) and, while
 * objects remain after this page, a `Link` to the next one: absolute, on our own origin (never the
 * request's Host header), keeping every filter of the request.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_paginated_response
 */
export function pagingHeaders(
  endpointUrl: string,
  request: URL,
  page: { offset: number; limit: number },
  sent: number,
  total: number,
  limits: PageLimits,
): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Total-Count': String(total),
    'X-Limit': String(limits.maxLimit),
  };
  const next = page.offset + sent;
  if (sent > 0 && next < total) {
    const url = new URL(endpointUrl);
    for (const [name, value] of request.searchParams) url.searchParams.set(name, value);
    url.searchParams.set('offset', String(next));
    url.searchParams.set('limit', String(page.limit));
    headers.Link = `<${url.href}>; rel="next"`;
  }
  return headers;
}
