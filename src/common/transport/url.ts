/** A query parameter value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** `url` with the given query parameters set (replacing any of the same name). */
export function withQuery(url: string | URL, query: Readonly<Record<string, QueryValue>> | undefined): URL {
  if (query === undefined) return new URL(url);
  const pairs: [string, string][] = [];
  for (const name in query) {
    if (!Object.hasOwn(query, name)) continue;
    const value = query[name];
    if (value !== undefined) pairs.push([name, String(value)]);
  }
  const base = typeof url === 'string' ? url : url.href;
  // Most calls name an endpoint without a query or fragment: the query is then written as text and the
  // URL parsed once, instead of parsed, its query parsed, set and the URL parsed again.
  if (pairs.length > 0 && !base.includes('?') && !base.includes('#')) {
    return new URL(`${base}?${formEncoded(pairs)}`);
  }
  const result = new URL(base);
  if (pairs.length === 0) return result;
  // Set on a detached copy and written back once: each set on `result.searchParams` rewrites the URL.
  const params = new URLSearchParams(result.search);
  for (const [name, value] of pairs) params.set(name, value);
  result.search = params.toString();
  return result;
}

// Letters, digits and `*-._`: what the form encoding of URLSearchParams leaves as it is.
const FORM_SAFE = /^[\w*.-]*$/;

// The pairs as URLSearchParams writes them; most are numbers and plain words, written as they are.
function formEncoded(pairs: [string, string][]): string {
  if (!pairs.every(([name, value]) => FORM_SAFE.test(name) && FORM_SAFE.test(value))) {
    return new URLSearchParams(pairs).toString();
  }
  let text = '';
  for (const [name, value] of pairs) text += `${text === '' ? '' : '&'}${name}=${value}`;
  return text;
}

/**
 * The first value of `name` in the query of `url`, as `url.searchParams.get(name)` gives it. A query
 * without escapes (`%`, `+`) is read as it is, without the parse of the whole query into a
 * URLSearchParams that `searchParams` makes on first use.
 */
export function queryParam(url: URL, name: string): string | null {
  const search = url.search;
  if (search.includes('%') || search.includes('+')) return url.searchParams.get(name);
  // One pass over the query, so that its time stays linear in its length whatever a partner puts there.
  let start = 1;
  let equals = -1;
  for (let index = 1; index <= search.length; index++) {
    const code = index < search.length ? search.charCodeAt(index) : AMPERSAND;
    if (code === EQUALS && equals === -1) equals = index;
    else if (code === AMPERSAND) {
      const nameEnd = equals === -1 ? index : equals;
      // An empty pair (`&&`) is no parameter, not one with an empty name.
      if (index > start && nameEnd - start === name.length && search.startsWith(name, start)) {
        return equals === -1 ? '' : search.slice(equals + 1, index);
      }
      start = index + 1;
      equals = -1;
    }
  }
  return null;
}

const AMPERSAND = 38;
const EQUALS = 61;
