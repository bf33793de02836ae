import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../node/to-node-listener';

/** A Web-standard handler served over node:http, where it listens and how to stop it. */
export interface Listening {
  /** `http://127.0.0.1:<port>` (an IPv6 host in brackets). */
  readonly origin: string;
  readonly port: number;
  /** Stops serving, closing open connections. */
  close(): Promise<void>;
}

/**
 * Serves a handler on `host` (default 127.0.0.1) and `port` (default 0: a free one). The handler is
 * built once the origin is known, since what it publishes (versions, endpoints, `Link` headers) are
 * absolute URLs; requests before that are answered 503.
 */
export async function listenOnLoopback(
  build: (origin: string) => Promise<(request: Request) => Promise<Response>>,
  options: { port?: number | undefined; host?: string | undefined } = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  let handle: ((request: Request) => Promise<Response>) | undefined;
  const server = createServer(
    toNodeListener(async (request) => (handle ? handle(request) : new Response(null, { status: 503 }))),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  handle = await build(origin);
  return {
    origin,
    port,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
