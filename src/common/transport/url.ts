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
  // Most calls name an endpoint without a query or fragment: the query is then written after it and the
  // URL parsed once, instead of parsed, its query parsed, set and the URL parsed again.
  if (pairs.length > 0 && !base.includes('?') && !base.includes('#')) {
    return new URL(`${base}?${new URLSearchParams(pairs)}`);
  }
  const result = new URL(base);
  if (pairs.length === 0) return result;
  // Set on a detached copy and written back once: each set on `result.searchParams` rewrites the URL.
  const params = new URLSearchParams(result.search);
  for (const [name, value] of pairs) params.set(name, value);
  result.search = params.toString();
  return result;
}
