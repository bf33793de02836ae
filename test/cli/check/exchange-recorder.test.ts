// The recorder of `ocpi check`: each page body handed over once and let go, and a body past the client's
// own size limit read no further than it (a partner's endless page costs no endless memory).
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
});
