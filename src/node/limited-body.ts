import type { IncomingMessage } from 'node:http';

/** A Node request's body as a web stream, with the means to stop taking it. */
export interface LimitedBody {
  stream: ReadableStream<Uint8Array>;
  /** Lets the rest of the body flow past unread and unkept, until the connection closes. */
  discard(): void;
}

/**
 * The body of a Node request as a web stream of at most `maxBytes`. Once the body passes the limit, the
 * stream fails, `onTooLarge` is called and the rest is discarded: nothing past the limit is kept, however
 * much the client sends. The stream reads only as fast as its reader takes (the request is paused in
 * between), so a slow reader holds no more than a chunk.
 */
export function limitedBody(
  incoming: IncomingMessage,
  maxBytes: number,
  onTooLarge: () => void,
): LimitedBody {
  let taking = true;
  const discard = () => {
    taking = false;
    incoming.resume();
  };
  let received = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.on('data', (chunk: Buffer) => {
        if (!taking) return;
        received += chunk.byteLength;
        if (received > maxBytes) {
          discard();
          controller.error(new RangeError(`The request body is larger than ${maxBytes} bytes`));
          onTooLarge();
          return;
        }
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.on('end', () => {
        if (!taking) return;
        taking = false;
        controller.close();
      });
      // Without a listener, an aborted request's error would bring the whole process down.
      incoming.on('error', (error) => {
        if (!taking) return;
        taking = false;
        controller.error(error);
      });
      incoming.on('close', () => {
        if (!taking) return;
        taking = false;
        controller.error(new Error('The request was closed before its body ended'));
      });
    },
    pull() {
      if (taking) incoming.resume();
    },
    cancel() {
      discard();
    },
  });
  return { stream, discard };
}
