import { redactSecrets } from '../errors/redact';

/**
 * Code of your own around each request of a client (logs, metrics, a tracing header); each function is
 * optional and may be async, and the client waits for it. What one throws ends the call with that error.
 * The token never reaches them: `request` has no `Authorization` header (the client sets it after
 * `onRequest`, over any set there), and tokens in a credentials body show as `[REDACTED]`.
 *
 * @example
 * const traceParent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
 * const tracing: Middleware = {
 *   onRequest: (request) => request.headers.set('traceparent', traceParent),
 *   onResponse: (response, request) => console.log(`${request.method} ${request.url}: ${response.status}`),
 *   onError: (error, request) => console.warn(`${request.method} ${request.url} failed`, error),
 * };
 * const locations = 'https://cpo.example.com/ocpi/2.2.1/locations';
 * const traced = createClient({
 *   token,
 *   endpoints: [{ identifier: 'locations', role: 'SENDER', url: locations }],
 *   from: { countryCode: 'DE', partyId: 'EMS' },
 *   middleware: [tracing],
 * });
 */
export interface Middleware {
  /** Before each request and redirect hop (retries are not shown apart); it may set headers, not the URL or body. */
  onRequest?: (request: Request) => void | Promise<void>;
  /** Each answer the client reads (after any retries), before it does: read the body only through `response.clone()`. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
  /** Once per failed call, with the error the call throws and the last request. */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}

/** One request as middleware sees it: the headers without `Authorization`, tokens in the body redacted. */
export function requestForMiddleware(
  url: URL,
  method: string,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  secrets: readonly string[],
): Request {
  const { Authorization: _token, ...shown } = headers;
  return new Request(url, {
    method,
    headers: shown,
    ...(body !== undefined && { body: redactSecrets(body, secrets) }),
  });
}

/**
 * The headers to send after `onRequest`: the request's own (as middleware left them), and our token
 * set last, so that no middleware replaces or drops it.
 */
export function headersAfterMiddleware(request: Request, authorization: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (name !== 'authorization') headers[name] = value;
  headers.Authorization = authorization;
  return headers;
}
