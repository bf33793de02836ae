// The recorder of `ocpi check`: each page body handed over once and let go, a body past the client's
// own size limit read no further than it (a partner's endless page costs no endless memory), and a body
// stalled mid-way let go soon after the client gave up on it (its connection then closes).
import { describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../../src/cli/check/exchange-recorder';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../src/common/transport/transport';

const PAGE = 'http://127.0.0.1:9/ocpi/locations';

describe('ExchangeRecorder', () => {
  it('hands over the body of a GET once, then lets go of it', async () => {
    const recorder = new ExchangeRecorder(async () => Response.json({ data: [1, 2] }));
    recorder.phase = 'locations SENDER';
    const response = await recorder.fetch(PAGE);
    expect(await response.json()).toEqual({ data: [1, 2] });
    expect(await recorder.takeBody('locations SENDER', PAGE)).toBe('{"data":[1,2]}');
    expect(recorder.takeBody('locations SENDER', PAGE)).toBeUndefined();
    expect(recorder.exchanges).toMatchObject([{ method: 'GET', status: 200, body: undefined }]);
  });

  it('reads a body no further than the client limit, and gives it as empty', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(chunk);
        },
      });
    const recorder = new ExchangeRecorder(async () => new Response(endless()));
    recorder.phase = 'p';
    const response = await recorder.fetch(PAGE);
    await response.body?.cancel();
    expect(await recorder.takeBody('p', PAGE)).toBe('');
    expect(pulled * chunk.byteLength).toBeLessThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES + 4 * chunk.byteLength);
  });

  it('gives up its copy of a stalled body after the client timeout, so the stream can close', async () => {
    let closed = false;
    const stalled = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":[1,'));
        },
        cancel() {
          closed = true;
        },
      });
    const recorder = new ExchangeRecorder(async () => new Response(stalled()), 10);
    recorder.phase = 'locations SENDER';
    const response = await recorder.fetch(PAGE);
    // The client reads what came, then gives up on the rest, as its body timeout does.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    // Read twice, a stream closes only when both reads end: the recorder's ends on its own timer.
    expect(await recorder.takeBody('locations SENDER', PAGE)).toBe('');
    expect(closed).toBe(true);
  });
});
