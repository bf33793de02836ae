// A web handler served by toNodeListener on an ephemeral port of 127.0.0.1, and an HTTP client on a raw
// socket: it sends exactly the bytes a test gives (a malformed Host, a body that never ends), which fetch
// and node:http refuse to send.
import { connect } from 'node:net';
import { type NodeListenerOptions, toNodeListener, type WebHandler } from '@org/ocpi/node';
import { listenLocally } from '../../support/local-server';

// The test files that serve through `listen` close their servers with this.
export { closeServersAfterEach } from '../../support/local-server';

/** Serves `handler` through toNodeListener; returns the port. */
export async function listen(handler: WebHandler, options?: NodeListenerOptions): Promise<number> {
  return (await listenLocally(toNodeListener(handler, options))).port;
}

/** What came back on a raw socket: the answer, and whether the server closed the connection. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `head` (the request line and headers, without the blank line), then each of `body`, and reads
 * the answer. The request is never ended beyond what `body` holds: a server that waited for the rest of
 * the body would never answer. Resolves once the server closes the connection.
 */
export function rawRequest(port: number, head: string, body: readonly (string | Uint8Array)[] = []) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    // The server may close while bytes are still on their way to it: what it answered is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      try {
        resolve(parseAnswer(Buffer.concat(received).toString('latin1')));
      } catch (error) {
        reject(error);
      }
    });
    socket.write(`${head}\r\n\r\n`);
    for (const part of body) socket.write(part);
  });
}

/** One chunk of a chunked request body. */
export function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}

function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) throw new Error(`No HTTP answer, only ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function unchunk(text: string): string {
  let body = '';
  let at = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at);
    const size = Number.parseInt(text.slice(at, lineEnd), 16);
    if (!(size > 0)) return body;
    body += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}
