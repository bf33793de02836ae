// ky is our engine (retries, timeouts) and nothing more: it decides on no status, its error classes are
// no part of how the transport reads redirects and error bodies, and `Retry-After` is read once.
import { readdirSync, readFileSync } from 'node:fs';
import { isOcpiHttpError } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failure } from '../../support/failure';

const BASE = 'https://cpo.example.com/ocpi/2.2.1';
const SRC = new URL('../../../src/', import.meta.url);

/**
 * A partner answering from `answers` in turn. Reads of `Retry-After` are counted on every `Headers`
 * (ky hands its hooks a clone of the response, with headers of its own).
 */
function partner(answers: readonly (() => Response)[]) {
  const seen = { requests: 0, retryAfterReads: 0 };
  const get = Headers.prototype.get;
  vi.spyOn(Headers.prototype, 'get').mockImplementation(function (this: Headers, name: string) {
    if (name.toLowerCase() === 'retry-after') seen.retryAfterReads++;
    return get.call(this, name);
  });
  const fetch = async () => (answers[seen.requests++] ?? answers.at(-1))?.() as Response;
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const busy = (retryAfter: string) => () =>
  new Response('{"status_code":2000,"status_message":"busy","timestamp":"2024-06-01T12:00:00Z"}', {
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'application/json' },
  });
const location = () =>
  new Response(
    JSON.stringify({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z', data: { id: 'LOC1' } }),
    { headers: { 'Content-Type': 'application/json' } },
  );

const getLocation = (fetch: typeof globalThis.fetch, retry: v221.Client221Options['retry']) =>
  v221
    .createClient({
      token: 'a-token',
      endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${BASE}/locations` }],
      from: { countryCode: 'DE', partyId: 'EMS' },
      validation: 'off',
      fetch,
      ...(retry && { retry }),
    })
    .locations.sender.getLocation({ params: { location_id: 'LOC1' } });

describe('retries on ky', () => {
  it('reads Retry-After once per busy answer', async () => {
    const { seen, fetch } = partner([busy('0'), busy('0'), location]);
    await expect(getLocation(fetch, { limit: 2 })).resolves.toMatchObject({ id: 'LOC1' });
    expect(seen.requests).toBe(3);
    expect(seen.retryAfterReads).toBe(2);
  });

  it('gives the last busy answer, its envelope and body read, once the retries are spent', async () => {
    const { seen, fetch } = partner([busy('0')]);
    const error = await failure(getLocation(fetch, { limit: 1 }));
    expect(isOcpiHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, statusCode: 2000, statusMessage: 'busy' });
    expect(seen.requests).toBe(2);
  });

  it('fails at once, reading the header once, when an HTTP-date Retry-After is too far off', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const { seen, fetch } = partner([busy(inAnHour)]);
    const error = await failure(getLocation(fetch, { limit: 2, maxRetryAfter: 1_000 }));
    expect(error).toMatchObject({ status: 429 });
    expect(seen).toEqual({ requests: 1, retryAfterReads: 1 });
  });
});

describe('ky stays inside the transport', () => {
  const sources = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: file.replaceAll('\\', '/'), text: readFileSync(new URL(file, SRC), 'utf8') }));
  const importsKy = (text: string) => /from\s+'ky'/.test(text);

  it('is imported by the attempts of a call and its retry policy only', () => {
    const importers = sources.filter(({ text }) => importsKy(text)).map(({ file }) => file);
    expect(importers.sort()).toEqual(['common/transport/attempts.ts', 'common/transport/retry.ts']);
  });

  it("never uses ky's HTTPError: every status is read by the transport itself", () => {
    expect(
      sources
        .filter(({ text }) => /^(?!\s*(\/\/|\*|\/\*)).*\b(is)?HTTPError\b/m.test(text))
        .map(({ file }) => file),
    ).toEqual([]);
  });
});
