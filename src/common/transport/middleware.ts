import { redactSecrets } from '../errors/redact';

/**
 * Code of your own that sees each request the client sends and what becomes of it: for logging,
 * metrics or a tracing header. Each function is optional and may be async; the client waits for it.
 *
 * - `onRequest(request)` runs before each request goes out: once per call, and again for each
 *   redirect the call follows (retries, of a 429, a 503 or a network error, are not shown apart). It
 *   may set headers on `request` (e.g. `traceparent`); the URL, method and body sent stay the client's.
 * - `onResponse(response, request)` runs for each answer the client reads (after any retries), before
 *   it reads it. Read its body only through `response.clone()`: the client still needs it.
 * - `onError(error, request)` runs once when a call fails, with the error the call then throws (an
 *   `OcpiError`, an abort, or what one of your functions threw).
 *
 * The token never reaches these functions: `request` carries no `Authorization` header (the client adds
 * it after `onRequest`, and an `Authorization` set there is replaced), and a credentials body shows the
 * tokens in it as `[REDACTED]`. What a function throws ends the call with that error.
 *
 * @example
 * const tracing: Middleware = {
 *   onRequest: (request) => request.headers.set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
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
  /** Before each request and redirect hop; may set headers. `request` has no `Authorization` header. */
  onRequest?: (request: Request) => void | Promise<void>;
  /** Each answer, before the client reads it; read the body only through `response.clone()`. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
  /** Once per failed call, with the error the call throws and the last request (without the token). */
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
