/** A query parameter value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** `url` with the given query parameters set (replacing any of the same name). */
export function withQuery(url: string | URL, query: Readonly<Record<string, QueryValue>> | undefined): URL {
  const result = new URL(url);
  if (query === undefined) return result;
  // Set on a detached copy and written back once: each set on `result.searchParams` rewrites the URL.
  let params: URLSearchParams | undefined;
  for (const name in query) {
    if (!Object.hasOwn(query, name)) continue;
    const value = query[name];
    if (value === undefined) continue;
    params ??= new URLSearchParams(result.search);
    params.set(name, String(value));
  }
  if (params !== undefined) result.search = params.toString();
  return result;
}
