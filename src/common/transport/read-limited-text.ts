/** What {@link readLimitedText} gave: the body as text, or word that it is larger than the limit. */
export type LimitedText = { tooLarge: false; text: string } | { tooLarge: true };

/**
 * Reads the body of a request (or response) as UTF-8 text, as `text()` does, but at most `maxBytes` of
 * it. A body whose `Content-Length` announces more is refused unread; one that turns out larger while it
 * streams (chunked, or with a false length) is cut off where it passes the limit: the stream is
 * cancelled and the rest is never read, so memory stays within the limit whatever the sender does.
 * Errors of the stream itself (a sender gone mid-body) are thrown, as `text()` throws them.
 *
 * Size is the only bound: a body that trickles in slowly is for the server's timeouts to end.
 */
export async function readLimitedText(message: Request | Response, maxBytes: number): Promise<LimitedText> {
  if (message.bodyUsed) throw new TypeError('The body has already been read');
  const body = message.body;
  if (declaredLength(message.headers) > maxBytes) {
    await body?.cancel().catch(() => undefined);
    return { tooLarge: true };
  }
  if (body === null) return { tooLarge: false, text: '' };
  const text = await readTextUpTo(body.getReader(), maxBytes);
  return text === undefined ? { tooLarge: true } : { tooLarge: false, text };
}

/**
 * Reads a stream to its end as UTF-8 text, or `undefined` as soon as it passes `maxBytes`: the stream is
 * then cancelled and the rest never read. The bytes are decoded once, at the end: decoding chunk by
 * chunk (a streaming decoder and a join) cost a page of 50 Locations more than the rest of reading it.
 */
export async function readTextUpTo(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
): Promise<string | undefined> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  decoder ??= new TextDecoder();
  return decoder.decode(joined(chunks, received));
}

// One decoder for every body: decoding a whole buffer at once keeps no state between calls.
let decoder: TextDecoder | undefined;

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The length a message announces in `Content-Length`, or 0 when it has none or one that is not a
 * number: the count while streaming still applies then.
 */
export function declaredLength(headers: Headers): number {
  const value = headers.get('content-length');
  if (value === null) return 0;
  const length = Number(value.trim());
  return Number.isFinite(length) && length >= 0 ? length : 0;
}
