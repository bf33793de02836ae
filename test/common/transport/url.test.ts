// withQuery: the query of a request URL, set as URLSearchParams sets it, whatever the URL held before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withQuery } from '../../../src/common/transport/url';

describe('withQuery', () => {
  it('adds the parameters given, leaving out the undefined ones', () => {
    const url = withQuery('https://cpo.example.com/ocpi/2.2.1/locations', {
      offset: 50,
      limit: 25,
      date_from: undefined,
      flag: true,
    });
    expect(url.href).toBe('https://cpo.example.com/ocpi/2.2.1/locations?offset=50&limit=25&flag=true');
  });

  it('replaces a parameter of the same name and keeps the others the URL had', () => {
    const url = withQuery('https://cpo.example.com/cdrs?limit=10&tenant=a%20b', { limit: 50 });
    expect(url.searchParams.get('limit')).toBe('50');
    expect(url.searchParams.get('tenant')).toBe('a b');
    expect([...url.searchParams.keys()]).toEqual(['limit', 'tenant']);
  });

  it('encodes values exactly as setting them one by one on searchParams does', () => {
    const query = { date_from: '2024-06-01T12:00:00Z', q: "a b&c=d/é'()!~", empty: '' };
    const expected = new URL('https://cpo.example.com/x?keep=1');
    for (const [name, value] of Object.entries(query)) expected.searchParams.set(name, value);
    expect(withQuery('https://cpo.example.com/x?keep=1', query).href).toBe(expected.href);
  });

  it('leaves the URL as it was with no query, or one of only undefined values', () => {
    const sent = 'https://cpo.example.com/x?a=%7E';
    expect(withQuery(sent, undefined).href).toBe(new URL(sent).href);
    expect(withQuery(sent, { b: undefined }).href).toBe(new URL(sent).href);
  });

  it('reads only the query object own keys', () => {
    const query = Object.create({ inherited: 'x' }) as Record<string, string>;
    query.own = 'y';
    expect(withQuery('https://cpo.example.com/x', query).search).toBe('?own=y');
  });

  it('writes any query as setting its parameters one by one on searchParams does, with or without a query before', () => {
    const base = fc.constantFrom(
      'https://cpo.example.com/ocpi/2.2.1/locations',
      'https://cpo.example.com',
      'https://cpo.example.com/x?keep=1&limit=3',
      'https://cpo.example.com/x#frag',
      'https://cpo.example.com/a b/é',
    );
    // Any UTF-16 code units, lone surrogates included; numbers and booleans as the client's calls pass them.
    const punctuation = fc.string({
      unit: fc.constantFrom('a', '~', ' ', '!', '*', '.', '-', '_', '+', '%', '&', '=', "'", '(', ')', ':'),
    });
    const value = fc.oneof(fc.string({ unit: 'binary' }), punctuation, fc.integer(), fc.boolean());
    const name = fc.oneof(
      fc.constantFrom('offset', 'limit', 'date_from', 'keep'),
      punctuation,
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(base, fc.dictionary(name, value, { maxKeys: 4 }), (url, query) => {
        const expected = new URL(url);
        for (const [key, item] of Object.entries(query)) expected.searchParams.set(key, String(item));
        expect(withQuery(url, query).href).toBe(expected.href);
        expect(withQuery(new URL(url), query).href).toBe(expected.href);
      }),
      { numRuns: 2_000 },
    );
  });
});
