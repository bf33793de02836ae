// Redirects are followed by the transport itself, one hop at a time, so that each target is checked
// against the origins trusted with the token before anything (token or body) is sent there. The
// runtime's own following would re-send a PUT or POST body to whatever host a redirect names.

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
/** Redirects that keep the method and the body (RFC 9110, 15.4.8 and 15.4.9). */
const METHOD_KEEPING = [307, 308];

/** How many redirects one call follows before giving up. */
export const MAX_REDIRECTS = 5;

/**
 * Where a redirect response sends the request, or `undefined` when it is not one to follow: not a
 * redirect, no usable `Location`, or a redirect that would turn a request with a body into a GET (a push
 * must not silently become a read).
 */
export function redirectTarget(response: Response, from: URL, method: string): URL | undefined {
  if (!REDIRECT_STATUSES.includes(response.status)) return undefined;
  const keepsBody = METHOD_KEEPING.includes(response.status);
  if (!keepsBody && method !== 'GET' && method !== 'HEAD') return undefined;
  const location = response.headers.get('Location');
  if (location === null) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

/** A browser's answer to a redirect it may not show (`redirect: 'manual'`): its target is hidden. */
export function isHiddenRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect';
}
