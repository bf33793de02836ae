import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A Web-standard handler, such as the one `createRegistrationHandler` returns. */
export type WebHandler = (request: Request) => Promise<Response>;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * The public origin of the server (`https://ocpi.example.com`), used to build each request's URL. By
   * default `http://` plus the request's Host header: set it behind a proxy or TLS terminator, so that
   * URLs match the base URL the handler was configured with.
   */
  origin?: string;
  /** Receives errors of the handler itself; the client then gets HTTP 500. */
  onError?: (error: unknown) => void;
}

/**
 * Adapts a Web-standard handler to `node:http` (and Express, whose handlers take the same arguments).
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(createRegistrationHandler(config))).listen(8080);
 */
export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  return (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    void serve(handler, options, incoming, outgoing);
  };
}

async function serve(
  handler: WebHandler,
  options: NodeListenerOptions,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  try {
    const response = await handler(toRequest(incoming, options.origin));
    outgoing.statusCode = response.status;
    response.headers.forEach((value, name) => {
      outgoing.setHeader(name, value);
    });
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    options.onError?.(error);
    if (!outgoing.headersSent) outgoing.statusCode = 500;
    outgoing.end();
  }
}

function toRequest(incoming: IncomingMessage, origin: string | undefined): Request {
  const base = origin ?? `http://${incoming.headers.host ?? 'localhost'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', base), {
    method,
    headers,
    ...(hasBody && { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' }),
  } as RequestInit);
}
