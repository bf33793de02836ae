// Real node:http servers on ephemeral ports of 127.0.0.1, for tests where what happens on the wire
// matters (redirects, stalls, sizes, raw bytes) and msw interception would hide it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach } from 'vitest';

const servers: Server[] = [];

/** Closes every server `listenLocally` started, after each test; call once at the top of a test file. */
export function closeServersAfterEach(): void {
  afterEach(closeServers);
}

/**
 * Closes every server `listenLocally` started, after the file's last test: for files that start their
 * servers once, in `beforeAll`. Call once at the top of the test file.
 */
export function closeServersAfterAll(): void {
  afterAll(closeServers);
}

async function closeServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          // Open keep-alive and stalled connections would hold `close` until they time out.
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
}

/** Where a local server listens: `origin` is `http://127.0.0.1:<port>`. */
export interface LocalServer {
  port: number;
  origin: string;
}

/**
 * Serves `listener` on an ephemeral port of 127.0.0.1. The listener also gets the server's own origin,
 * for answers that point back at it (redirects, URLs in a versions list).
 */
export async function listenLocally(
  listener: (request: IncomingMessage, response: ServerResponse, origin: string) => void,
): Promise<LocalServer> {
  let origin = '';
  const server = createServer((request, response) => listener(request, response, origin));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return { port, origin };
}
