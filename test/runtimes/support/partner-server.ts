// A CPO's 2.2.1 Locations Sender interface on a real socket (127.0.0.1, ephemeral port), so that each
// runtime's own fetch and HTTP stack is what talks to it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
}

/** A browser's CORS preflight (OPTIONS), asking whether it may send the real request. */
export interface SeenPreflight {
  url: string | undefined;
  origin: string | undefined;
  /** `Access-Control-Request-Method` */
  method: string | undefined;
  /** `Access-Control-Request-Headers`, lower case, as the browser lists them. */
  headers: string | undefined;
}

export interface PartnerServer {
  /** The version's base URL; Locations is at `${baseUrl}/locations`. */
  baseUrl: string;
  /** Every request received, in order, preflights aside; empty it between clients. */
  requests: SeenRequest[];
  /** The CORS preflights received (only a browser sends them), in order. */
  preflights: SeenPreflight[];
  close(): Promise<void>;
}

export const TIMESTAMP = '2024-06-01T12:00:00Z';

// A browser page on another origin may read the answers, and the paging headers the client follows:
// without `Access-Control-Expose-Headers` a browser hides `Link` and `X-Total-Count` from fetch.
function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Link, X-Total-Count, X-Limit',
    Vary: 'Origin',
  };
}

function reply(
  request: IncomingMessage,
  response: ServerResponse,
  body: object,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, { 'Content-Type': 'application/json', ...corsHeaders(request), ...headers });
  response.end(JSON.stringify(body));
}

// Allows what the browser asks for (the client's `Authorization` makes every call a non-simple request).
function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '',
  });
  response.end();
}

/**
 * Starts the partner. It serves `location` (with its id replaced) as LOC1..LOC3: one at a time, or
 * listed two per page with a `Link` to the next page. Anything else gets status_code 2001 with the
 * received token echoed in the message (decoded and as sent), as a careless partner would, to show the SDK keeps it out of
 * its errors.
 */
export async function startPartner(location: object): Promise<PartnerServer> {
  const ids = ['LOC1', 'LOC2', 'LOC3'];
  const requests: SeenRequest[] = [];
  const preflights: SeenPreflight[] = [];
  let baseUrl = '';
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      preflights.push({
        url: request.url,
        origin: request.headers.origin,
        method: request.headers['access-control-request-method'],
        headers: request.headers['access-control-request-headers'],
      });
      answerPreflight(request, response);
      return;
    }
    requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    const url = new URL(request.url ?? '/', baseUrl);
    const one = /^\/ocpi\/2\.2\.1\/locations\/(LOC\d)$/.exec(url.pathname)?.[1];
    if (request.method === 'GET' && one && ids.includes(one)) {
      reply(request, response, { status_code: 1000, timestamp: TIMESTAMP, data: { ...location, id: one } });
    } else if (request.method === 'GET' && url.pathname === '/ocpi/2.2.1/locations') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const next = offset + 2 < ids.length ? `${baseUrl}/locations?offset=${offset + 2}&limit=2` : undefined;
      const data = ids.slice(offset, offset + 2).map((id) => ({ ...location, id }));
      reply(
        request,
        response,
        { status_code: 1000, timestamp: TIMESTAMP, data },
        {
          'X-Total-Count': String(ids.length),
          'X-Limit': '2',
          ...(next !== undefined && { Link: `<${next}>; rel="next"` }),
        },
      );
    } else {
      const header = request.headers.authorization ?? '';
      const token = Buffer.from(header.replace(/^Token /, ''), 'base64').toString('utf8');
      const status_message = `Invalid or missing parameters for token ${token} (${header})`;
      reply(request, response, { status_code: 2001, status_message, timestamp: TIMESTAMP });
    }
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/ocpi/2.2.1`;
  return {
    baseUrl,
    requests,
    preflights,
    close: () =>
      new Promise((resolve, reject) => {
        // Keep-alive sockets of the runtimes' fetch would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
