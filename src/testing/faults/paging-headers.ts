// The paging headers of list pages as some partners send them: missing, or with a relative `Link`.

/** `no-link`: list pages without `Link`; the client finds the next page from `X-Total-Count`. */
export function withoutLink(headers: Headers): void {
  headers.delete('Link');
}

/** `no-total`: list pages without `X-Total-Count`; the client follows `Link`. */
export function withoutTotal(headers: Headers): void {
  headers.delete('X-Total-Count');
}

/** `relative-link`: the `Link` target as a path on the same origin instead of an absolute URL. */
export function relativeLink(headers: Headers): void {
  const link = headers.get('Link');
  if (link !== null) headers.set('Link', link.replace(/<https?:\/\/[^/>]*/g, '<'));
}
