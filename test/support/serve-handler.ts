// A Web-standard handler served over real HTTP on 127.0.0.1 through the node:http adapter, for tests of
// the answering side with the SDK's own client on the other end.
import { toNodeListener } from '@org/ocpi/node';
import { listenLocally } from './local-server';

type Handler = (request: Request) => Promise<Response>;

/**
 * Starts a local server and builds its handler from the server's origin (handlers publish absolute URLs
 * below their base URL). Close it with `closeServersAfterEach()` from local-server.ts.
 */
export async function serveHandler(
  build: (origin: string) => Handler,
): Promise<{ origin: string; handle: Handler }> {
  let handle: Handler = async () => new Response(null, { status: 503 });
  const server = await listenLocally((request, response) => toNodeListener(handle)(request, response));
  handle = build(server.origin);
  return { origin: server.origin, handle };
}
