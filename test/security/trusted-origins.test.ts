// TrustedOrigins trusts http(s) origins only (issue #10, finding 14). Every other URL has an opaque
// origin, which `URL.origin` reads as "null" for all of them alike: trusting `foo://a` used to trust
// `data:`, `blob:` and every other custom scheme too.
import { fetchVersions, isOcpiUntrustedUrlError } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { TrustedOrigins } from '../../src/common/transport/trusted-origins';

const PARTNER = 'https://cpo.example.com';
const OPAQUE = ['foo://a/x', 'bar://b/y', 'data:text/plain,hello', 'blob:null/1', 'file:///etc/passwd'];

/** A `fetch` that records what would have been called, and answers 500. */
function recordingFetch() {
  const called: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    called.push(input instanceof Request ? input.url : String(input));
    return new Response('{}', { status: 500 });
  };
  return { fetch: fetch as typeof globalThis.fetch, called };
}

describe('TrustedOrigins', () => {
  it.each(OPAQUE)('never trusts %s, not even when a partner gave an opaque URL', (url) => {
    const trusted = new TrustedOrigins(['foo://partner/locations', 'data:text/plain,x', PARTNER]);
    expect(trusted.trusts(url)).toBe(false);
  });

  it('still trusts the http(s) origins it was given, and only those', () => {
    const trusted = new TrustedOrigins([`${PARTNER}/ocpi/versions`], ['http://cdn.partner.example:8080']);
    expect(trusted.trusts(`${PARTNER}/ocpi/2.2.1/locations?offset=10`)).toBe(true);
    expect(trusted.trusts('http://cdn.partner.example:8080/page/2')).toBe(true);
    expect(trusted.trusts('http://cpo.example.com/ocpi/versions')).toBe(false);
    expect(trusted.trusts('https://cpo.example.com.evil.example/')).toBe(false);
    expect(trusted.trusts('http://cdn.partner.example/page/2')).toBe(false);
  });

  it('leaves a partner URL that is not http(s), or not a URL, untrusted instead of throwing', () => {
    expect(() => new TrustedOrigins(['foo://a', 'not a url', ''])).not.toThrow();
  });

  it.each(['foo://a', 'data:text/plain,x', 'blob:https://cpo.example.com/1', 'not a url'])(
    'refuses %j as an explicitly allowed origin with a TypeError',
    (url) => {
      expect(() => new TrustedOrigins([], [url])).toThrow(TypeError);
      expect(() => new TrustedOrigins().add(url)).toThrow(/only http and https origins/);
    },
  );

  it('names only the scheme of a refused origin, not the rest of it', () => {
    expect(() => new TrustedOrigins().add('foo://user:s3cr3t@a/token-abc')).toThrow(
      'TrustedOrigins: only http and https origins can be trusted, not a foo: URL',
    );
  });

  it('answers false for a URL that does not parse', () => {
    expect(new TrustedOrigins([PARTNER]).trusts('not a url')).toBe(false);
  });
});

describe('clients', () => {
  it.each([
    [
      '2.2.1',
      (fetch: typeof globalThis.fetch) =>
        v221
          .createClient({
            token: 'token-for-cpo',
            endpoints: [
              { identifier: 'locations', role: 'SENDER', url: 'foo://partner/locations' },
              { identifier: 'tariffs', role: 'SENDER', url: `${PARTNER}/tariffs` },
            ],
            fetch,
            retry: { limit: 0 },
          })
          .locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    ],
    [
      '2.1.1',
      (fetch: typeof globalThis.fetch) =>
        v211
          .createClient({
            token: 'token-for-cpo',
            endpoints: [
              { identifier: 'locations', url: 'foo://partner/locations' },
              { identifier: 'tariffs', url: `${PARTNER}/tariffs` },
            ],
            fetch,
            retry: { limit: 0 },
          })
          .locations.cpo.getLocation({ params: { location_id: 'LOC1' } }),
    ],
  ] as const)('%s: refuse to send the token to a partner endpoint that is not http(s)', async (_, call) => {
    const { fetch, called } = recordingFetch();
    const error = await call(fetch).catch((caught: unknown) => caught);
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(called).toEqual([]);
  });

  it('refuse an allowed origin that is not http(s) when created', () => {
    expect(() =>
      v221.createClient({ token: 't', endpoints: [], allowedOrigins: ['data:text/plain,x'] }),
    ).toThrow(TypeError);
    expect(() => v211.createClient({ token: 't', endpoints: [], allowedOrigins: ['foo://cdn'] })).toThrow(
      TypeError,
    );
  });

  it('fetchVersions refuses a versions URL that is not http(s) without calling it', async () => {
    const { fetch, called } = recordingFetch();
    const error = await fetchVersions({
      token: 'token-a',
      versionsUrl: 'foo://partner/versions',
      fetch,
      retry: { limit: 0 },
    }).catch((caught: unknown) => caught);
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(called).toEqual([]);
  });
});

// An allowed origin is an origin: scheme, host and port. `https://cdn.example/only/this` used to trust
// the whole of https://cdn.example without a word, while it reads as trusting one path (issue #10 review).
describe('allowedOrigins with more than an origin', () => {
  const MORE = [
    'https://cdn.partner.example/only/this',
    'https://cdn.partner.example/?page=2',
    'https://cdn.partner.example/#top',
    'https://user:s3cr3t@cdn.partner.example',
  ];

  it.each(MORE)('refuses %j with a TypeError naming only its origin', (url) => {
    expect(() => new TrustedOrigins([], [url])).toThrow(TypeError);
    expect(() => new TrustedOrigins().add(url)).toThrow(
      'TrustedOrigins: an allowed origin has no path, query, fragment or user info: https://cdn.partner.example',
    );
    expect(() => v221.createClient({ token: 't', endpoints: [], allowedOrigins: [url] })).toThrow(TypeError);
    expect(() => v211.createClient({ token: 't', endpoints: [], allowedOrigins: [url] })).toThrow(TypeError);
  });

  it('never quotes the user info or path of a refused entry', () => {
    expect(() => new TrustedOrigins().add('https://user:s3cr3t@cdn.partner.example/token-abc')).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/s3cr3t|token-abc/) }),
    );
  });

  it('fetchVersions refuses one before calling anything', async () => {
    const { fetch, called } = recordingFetch();
    const error = await fetchVersions({
      token: 'token-a',
      versionsUrl: `${PARTNER}/versions`,
      allowedOrigins: ['https://cdn.partner.example/only/this'],
      fetch,
      retry: { limit: 0 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(called).toEqual([]);
  });

  it.each(['https://cdn.partner.example', 'https://cdn.partner.example/', 'http://cdn.partner.example:8080'])(
    'takes %j',
    (url) => {
      const trusted = new TrustedOrigins([], [url]);
      expect(trusted.trusts(`${new URL(url).origin}/page/2`)).toBe(true);
    },
  );
});
