import type { IncomingMessage, ServerResponse } from 'node:http';
import { declaredLength } from '../common/transport/read-limited-text';
import { httpError, reply } from '../server/response';
import { type LimitedBody, limitedBody } from './limited-body';
import { requestUrl } from './request-url';

/**
 * A Web-standard handler, such as the one `createOcpiHandler` returns, or a framework's own `fetch`
 * (Hono's `app.fetch`), which may answer without a promise.
 */
export type WebHandler = (request: Request) => Response | Promise<Response>;

// Fastify's default body limit: room for large module objects (a Location with many EVSEs), while a
// client cannot make us hold more. The registration handler has its own, smaller limit.
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * The public origin of the server (`https://ocpi.example.com`): each request's URL is this origin
   * followed by the request's path and query. Set it behind a proxy or TLS terminator, so that URLs
   * match the base URL the handler was configured with.
   *
   * Without it the origin is `http://` plus the request's Host header, which the client chooses: a
   * malformed Host is answered with HTTP 400, and a well-formed one may still name any host. The
   * registration handler does not mind (it matches routes by path and builds every URL it sends from
   * its `baseUrl`), but a handler of your own that builds absolute URLs from `request.url`, such as
   * a pagination `Link` header, would hand that host to the partner: set `origin` for such handlers.
   */
  origin?: string;
  /**
   * The most bytes of a request body passed on to the handler. Default 1 MiB. A request that announces
   * more in `Content-Length` is answered with HTTP 413 and an OCPI envelope (status code 2000) without
   * calling the handler; a body found larger while it streams is answered the same way as soon as it
   * passes the limit, and the handler's read of it fails. Either way the rest is not kept and the
   * connection is closed. Only size is bounded: end slow requests with the server's `requestTimeout`
   * and `headersTimeout` (node:http).
   */
  maxBodyBytes?: number;
  /** Receives errors of the handler itself; the client then gets HTTP 500 and status code 3000. */
  onError?: (error: unknown) => void;
}

interface ListenerSettings {
  handler: WebHandler;
  origin: string | undefined;
  maxBodyBytes: number;
  report: (error: unknown) => void;
}

/**
 * Adapts a Web-standard handler to `node:http` (and Express, whose handlers take the same arguments).
 * Requests the handler cannot be given (a malformed Host, a body over `maxBodyBytes`) are answered here,
 * each with an OCPI envelope.
 *
 * In Express, mount it at the root or under the path of the handler's base URL
 * (`app.use('/ocpi', toNodeListener(handle))` for `baseUrl: 'https://.../ocpi'`): the handler is given
 * the request's whole path (Express's `originalUrl`), not the part below the mount path. Put no body
 * parser (`express.json()`) before it: the listener reads the body itself, and one already read is gone.
 *
 * @throws TypeError when `origin` is not an http or https URL, or `maxBodyBytes` not a number of bytes.
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(createRegistrationHandler(config))).listen(8080);
 */
export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // NaN would silently lift the limit: every comparison with it is false.
  if (!(maxBodyBytes >= 0)) {
    throw new TypeError('toNodeListener: maxBodyBytes must be a number of bytes, 0 or more');
  }
  const { onError } = options;
  const settings: ListenerSettings = {
    handler,
    origin: options.origin === undefined ? undefined : originOf(options.origin),
    maxBodyBytes,
    report: (error) => {
      try {
        onError?.(error);
      } catch {
        // A failing error hook must not turn one failure into an unanswered request.
      }
    },
  };
  return (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    serve(settings, incoming, outgoing).catch((error: unknown) => {
      // Only writing the answer can fail here (the client gone, say): the connection is of no more use.
      settings.report(error);
      outgoing.destroy();
    });
  };
}

function originOf(origin: string): string {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError('toNodeListener: origin must be an http or https URL');
  }
  return url.origin;
}

async function serve(settings: ListenerSettings, incoming: IncomingMessage, outgoing: ServerResponse) {
  const { maxBodyBytes } = settings;
  const tooLarge = () => httpError(413, `The request body is larger than ${maxBodyBytes} bytes`);
  // Whoever answers first answers: the handler, or this adapter when the body passes the limit.
  let answered = false;
  let body: LimitedBody | undefined;
  const answer = async (response: Response): Promise<void> => {
    if (answered) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    answered = true;
    let content: Buffer;
    try {
      content = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      settings.report(error);
      response = internalError();
      content = Buffer.from(await response.arrayBuffer());
    }
    outgoing.statusCode = response.status;
    response.headers.forEach((value, name) => {
      outgoing.setHeader(name, value);
    });
    // A body still arriving is not read to its end, as keep-alive would need: the connection closes.
    if (!incoming.complete) outgoing.setHeader('Connection', 'close');
    body?.discard();
    incoming.resume();
    outgoing.end(content);
  };

  const url = requestUrl(incoming, settings.origin);
  if (!url.ok) return answer(httpError(400, url.problem));
  const method = incoming.method ?? 'GET';
  let request: Request;
  try {
    const headers = headersOf(incoming);
    if (declaredLength(headers) > maxBodyBytes) return answer(tooLarge());
    if (method !== 'GET' && method !== 'HEAD') {
      body = limitedBody(incoming, maxBodyBytes, () => void answer(tooLarge()));
    }
    request = new Request(url.url, {
      method,
      headers,
      ...(body && { body: body.stream, duplex: 'half' }),
    } as RequestInit);
  } catch {
    // A method fetch forbids (TRACE, TRACK) or a header it refuses: nothing a handler can be given.
    return answer(httpError(400, 'The request cannot be passed on to the handler'));
  }

  let response: Response;
  try {
    response = await settings.handler(request);
  } catch (error) {
    // A handler that failed on a body this adapter cut off did nothing wrong.
    if (answered) return;
    settings.report(error);
    response = internalError();
  }
  return answer(response);
}

function internalError(): Response {
  return reply(3000, { httpStatus: 500, status_message: 'Internal server error' });
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}
