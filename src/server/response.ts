import { formatUtcDateTime } from '../common/schema/primitives/utc-date-time-format';

/** What an answer of the handler carries besides its OCPI status code. */
export interface ReplyOptions {
  /** Left out of the envelope when absent: the spec advises no `data` where none is specified. */
  data?: unknown;
  status_message?: string;
  /** 200 unless an HTTP-layer error (400, 401, 404, 405, 413) or an internal failure. */
  httpStatus?: number;
  headers?: Record<string, string>;
}

/**
 * An OCPI response envelope as a JSON `Response`. Every answer has one, errors on the HTTP layer too,
 * as the spec asks (transport_and_format, "Response format").
 */
export function reply(statusCode: number, options: ReplyOptions = {}): Response {
  const body: Record<string, unknown> = {};
  if (options.data !== undefined) body.data = options.data;
  body.status_code = statusCode;
  if (options.status_message !== undefined) body.status_message = options.status_message;
  body.timestamp = formatUtcDateTime(Date.now());
  return new Response(JSON.stringify(body), {
    status: options.httpStatus ?? 200,
    headers: { 'Content-Type': 'application/json', ...options.headers },
  });
}

/** The generic client error (2000) on the HTTP layer: 400, 401, 404, 405, 413. */
export function httpError(httpStatus: number, message: string, headers?: Record<string, string>): Response {
  return reply(2000, { httpStatus, status_message: message, ...(headers && { headers }) });
}

/**
 * Sets `X-Request-ID` and `X-Correlation-ID` on a response: echoed from the request when present, and
 * in 2.2.1 (which requires them on every response) generated when the request had none.
 */
export function withTraceHeaders(response: Response, request: Request, generate: boolean): Response {
  for (const name of ['X-Request-ID', 'X-Correlation-ID']) {
    const value = request.headers.get(name) ?? (generate ? crypto.randomUUID() : null);
    if (value !== null) response.headers.set(name, value);
  }
  return response;
}
