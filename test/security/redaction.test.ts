// Redacting a URL is linear in its length (issue #10, finding 4): a 77 KB credentials `url` with 8,000
// `keyN=x` parameters blocked the handler for 9.5 s, because each secret-named parameter was set on
// `searchParams` in turn and every set re-serialised the whole query. Timing is no test, so the
// serialisations are counted instead.
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, redactUrl } from '../../src/common/errors/redact';

const MASK = encodeURIComponent(REDACTED);

const serialise = URLSearchParams.prototype.toString;

afterEach(() => {
  URLSearchParams.prototype.toString = serialise;
});

/**
 * Counts the serialisations of any query from now on. Node's `searchParams.set` serialises through
 * `toString`, so the count shows the old per-parameter work; past `limit` it throws, so that quadratic
 * code fails at once instead of running for seconds.
 */
function countQuerySerialisations(limit = Number.POSITIVE_INFINITY): { count: number } {
  const counter = { count: 0 };
  URLSearchParams.prototype.toString = function (this: URLSearchParams) {
    counter.count++;
    if (counter.count > limit) throw new Error(`the query was serialised more than ${limit} time(s)`);
    return serialise.call(this);
  };
  return counter;
}

describe('redactUrl on a URL of many secret-named parameters', () => {
  const count = 8_000;
  const url = `https://cpo.example.com/ocpi/versions?${Array.from({ length: count }, (_, i) => `key${i}=x`).join('&')}`;

  it('sees a serialisation of the query where this runtime makes one (the measure below is meaningful)', () => {
    const serialisations = countQuerySerialisations();
    new URL('https://cpo.example.com/?a=1').searchParams.set('a', '2');
    expect(serialisations.count).toBe(1);
  });

  it('serialises the query once, not once per secret parameter', () => {
    const serialisations = countQuerySerialisations(1);
    redactUrl(url);
    expect(serialisations.count).toBeLessThanOrEqual(1);
  });

  it('redacts every one of them and keeps the rest of the URL', () => {
    const expected = `https://cpo.example.com/ocpi/versions?${Array.from({ length: count }, (_, i) => `key${i}=${MASK}`).join('&')}`;
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it('redacts each occurrence of a repeated secret parameter and keeps every parameter in its place', () => {
    expect(redactUrl('https://cpo.example.com/x?token=a&page=2&token=b&Api-Key=c')).toBe(
      `https://cpo.example.com/x?token=${MASK}&page=2&token=${MASK}&Api-Key=${MASK}`,
    );
  });

  it('leaves a query without secret-named parameters exactly as it was', () => {
    const url = 'https://cpo.example.com/x?offset=10&q=a%20b&limit=';
    expect(redactUrl(url)).toBe(url);
  });

  it('drops user info and removes known secrets from the rest', () => {
    expect(redactUrl('https://user:pw@cpo.example.com/s3cr3t-token/x?page=2', ['s3cr3t-token'])).toBe(
      `https://cpo.example.com/${REDACTED}/x?page=2`,
    );
  });

  it('removes known secrets from text that is not a URL', () => {
    expect(redactUrl('not a url s3cr3t-token', ['s3cr3t-token'])).toBe(`not a url ${REDACTED}`);
  });
});
