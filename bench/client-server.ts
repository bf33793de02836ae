// The partner's OCPI 2.2.1 server for bench/client.ts, run by it as a child process (fork), so that the
// server's CPU time and heap stay out of what the client benchmark measures. It listens on 127.0.0.1 on
// an ephemeral port only, tells the parent its port over IPC, and closes when the parent says `close`,
// answering with how many requests it served.
//
// Routes:
//   GET /ocpi/cpo/2.2.1/locations/LOC-1       one Location in an envelope: the same bytes every time
//   GET /list/{total}/locations?offset&limit  a page of at most 50 of `total` Locations, made from the
//                                             offset on the fly (nothing held), with `X-Total-Count`,
//                                             `X-Limit` and, while more remain, a `Link` rel="next"
import { createServer, type ServerResponse } from 'node:http';

const TIMESTAMP = '2024-06-01T12:00:00Z';
const PAGE_LIMIT = 50;
export const SINGLE_ID = 'LOC-1';

/** A minimal valid OCPI 2.2.1 Location (the shape of test/support/ocpi-responses.ts `location221`). */
export function location221(id: string) {
  return {
    country_code: 'NL',
    party_id: 'CPO',
    id,
    publish: true,
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    time_zone: 'Europe/Amsterdam',
    last_updated: TIMESTAMP,
  };
}

/** The id of the Location at `index` of a list: `LOC-000000`, `LOC-000001`... */
export function listId(index: number): string {
  return `LOC-${String(index).padStart(6, '0')}`;
}

/** The OCPI response envelope of `data`, as the server sends it. */
export function envelope(data: unknown): string {
  return JSON.stringify({ data, status_code: 1000, status_message: 'Success', timestamp: TIMESTAMP });
}

/** What the server answered, for the parent's checks. */
export interface ServerStats {
  single: number;
  pages: number;
  other: number;
}

/** The argument bench/client.ts gives the child process; importing this file without it starts nothing. */
export const SERVE_ARG = '--serve';

if (process.argv.includes(SERVE_ARG) && process.send !== undefined) serve();

function serve(): void {
  const single = Buffer.from(envelope(location221(SINGLE_ID)));
  const stats: ServerStats = { single: 0, pages: 0, other: 0 };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const list = /^\/list\/(\d+)\/locations$/.exec(url.pathname);
    if (request.method === 'GET' && url.pathname === `/ocpi/cpo/2.2.1/locations/${SINGLE_ID}`) {
      stats.single++;
      send(response, 200, single);
    } else if (request.method === 'GET' && list) {
      stats.pages++;
      const total = Number(list[1]);
      const offset = Number(url.searchParams.get('offset') ?? '0');
      const limit = Math.min(PAGE_LIMIT, Number(url.searchParams.get('limit') ?? PAGE_LIMIT));
      const end = Math.min(total, offset + limit);
      const items = [];
      for (let index = offset; index < end; index++) items.push(location221(listId(index)));
      const headers: Record<string, string> = {
        'X-Total-Count': String(total),
        'X-Limit': String(PAGE_LIMIT),
      };
      if (end < total) {
        const next = new URL(url);
        next.searchParams.set('offset', String(end));
        next.searchParams.set('limit', String(limit));
        headers.Link = `<${next.href}>; rel="next"`;
      }
      send(response, 200, Buffer.from(envelope(items)), headers);
    } else {
      stats.other++;
      send(response, 404, Buffer.from(JSON.stringify({ status_code: 2003, timestamp: TIMESTAMP })));
    }
  });

  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    process.send?.({ port: address.port });
  });

  process.on('message', (message) => {
    if (message !== 'close') return;
    server.close(() => process.send?.({ stats }, () => process.disconnect()));
    server.closeAllConnections();
  });
  // The parent went away without saying `close`: do not linger.
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close();
  });
}

function send(response: ServerResponse, status: number, body: Buffer, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    ...headers,
  });
  response.end(body);
}
