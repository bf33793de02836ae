/** A query parameter value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** `url` with the given query parameters set (replacing any of the same name). */
export function withQuery(url: string | URL, query: Readonly<Record<string, QueryValue>> | undefined): URL {
  const result = new URL(url);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) result.searchParams.set(name, String(value));
  }
  return result;
}
