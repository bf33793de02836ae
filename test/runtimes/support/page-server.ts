// Serves the bundle to a browser: an HTML page at `/` that loads the fixture as an ES module, and the
// bundled files beside it, from 127.0.0.1 on an ephemeral port (an origin other than the partner's).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface PageServer {
  /** The page's URL, e.g. `http://127.0.0.1:39042/`. */
  url: string;
  close(): Promise<void>;
}

const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="./fixture.js"></script>';

/** Serves `files` (relative to `dir`, as bundled) and the page; anything else is a 404. */
export async function startPageServer(dir: string, files: readonly string[]): Promise<PageServer> {
  const served = new Set(files);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname.slice(1);
    if (path === '') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    } else if (served.has(path)) {
      // A module script must come with a JavaScript MIME type, or the browser refuses to run it.
      readFile(join(dir, path)).then(
        (body) => {
          response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
          response.end(body);
        },
        (error: Error) => {
          response.writeHead(500).end(error.message);
        },
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
