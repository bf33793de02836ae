import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNextLink, parseLinkHeader } from '../../../src';
import { nextLinkUrl } from '../../../src/common/transport/link-header';
import { describeWithSpec, readSpecFile } from '../../support/spec';

// The `Link:` examples of a transport section. The spec wraps one of them over two lines to fit the
// page ("should have been on 1 line"), so a line without `>` is joined with the next.
function specLinkExamples(text: string): string[] {
  const lines = text.split('\n');
  const examples: string[] = [];
  lines.forEach((line, index) => {
    const start = line.indexOf('Link: <');
    if (start === -1) return;
    const value = line.slice(start + 'Link: '.length).trim();
    examples.push(value.includes('>') ? value : value + (lines[index + 1] ?? '').trim());
  });
  return examples;
}

for (const [version, file] of [
  ['2.1.1', 'transport_and_format.md'],
  ['2.2.1', 'transport_and_format.asciidoc'],
] as const) {
  describeWithSpec(`the pagination examples of ${version}`, () => {
    const examples = specLinkExamples(readSpecFile(version, file));

    it('are all found', () => {
      expect(examples).toHaveLength(4);
    });

    it.each(examples)('gives the next page of %s', (header) => {
      const expected = /^<([^>]*)>/.exec(header)?.[1];
      expect(findNextLink(header, 'https://www.server.com/ocpi/cpo/cdrs/')).toBe(
        new URL(expected as string).href,
      );
    });
  });
}

describe('parseLinkHeader', () => {
  const request = 'https://cpo.example.com/ocpi/cpo/2.2.1/locations?limit=50';

  it('resolves relative targets against the request URL', () => {
    expect(findNextLink('</ocpi/cpo/2.2.1/locations?offset=50&limit=50>; rel="next"', request)).toBe(
      'https://cpo.example.com/ocpi/cpo/2.2.1/locations?offset=50&limit=50',
    );
    expect(findNextLink('<?offset=50>; rel=next', request)).toBe(
      'https://cpo.example.com/ocpi/cpo/2.2.1/locations?offset=50',
    );
  });

  it('picks next among several links, with commas and semicolons inside the URL and quoted values', () => {
    const header =
      '<https://x.example/a?x=1,2;3>; rel="prev"; title="a, b; c", ' +
      '<https://x.example/b?offset=10>; title="next, not really"; rel="NEXT last"';
    expect(parseLinkHeader(header, request)).toEqual([
      { url: 'https://x.example/a?x=1,2;3', rel: ['prev'], params: { rel: 'prev', title: 'a, b; c' } },
      {
        url: 'https://x.example/b?offset=10',
        rel: ['next', 'last'],
        params: { title: 'next, not really', rel: 'NEXT last' },
      },
    ]);
    expect(findNextLink(header, request)).toBe('https://x.example/b?offset=10');
  });

  it('takes the first rel when a link repeats it, and unescapes quoted pairs', () => {
    expect(parseLinkHeader('<a>; rel="prev"; rel="next"; title="say \\"hi\\""', request)[0]).toMatchObject({
      rel: ['prev'],
      params: { title: 'say "hi"' },
    });
  });

  it('skips a malformed link and keeps reading after it', () => {
    const header = 'garbage; rel="next", <https://x.example/ok>; rel=next';
    expect(findNextLink(header, request)).toBe('https://x.example/ok');
    expect(
      findNextLink('<https://x.example/1> junk; rel=next, <https://x.example/2>; rel=next', request),
    ).toBe('https://x.example/2');
  });

  it.each<[string | null, string]>([
    [null, 'no header'],
    ['', 'an empty header'],
    ['<https://x.example/a>; rel="prev"', 'no next link'],
    ['<https://x.example/a; rel="next"', 'an unclosed target'],
    ['<https://x.example/a>; rel="next', 'an unclosed quote'],
    ['<http://[::1>; rel=next', 'a target that is no URL'],
  ])('finds no next link in %j (%s)', (header) => {
    expect(findNextLink(header, request)).toBeUndefined();
  });

  it.each([
    ['<'.repeat(100_000), 'a hundred thousand opening brackets'],
    [`<${'a'.repeat(100_000)}`, 'an unclosed target of 100k characters'],
    [`<a>;${' ;'.repeat(50_000)}`, 'fifty thousand empty parameters'],
    [`<a>; rel="${'\\"'.repeat(50_000)}`, 'an unclosed quoted string full of escapes'],
    [',;'.repeat(50_000), 'separators only'],
    [`<https://x.example/a>; rel=prev,${' '.repeat(100_000)}`, 'trailing whitespace'],
  ])('returns the right answer on an adversarial 100k header: %s', (header) => {
    expect(header.length).toBeGreaterThanOrEqual(100_000);
    expect(findNextLink(header, request)).toBeUndefined();
  });

  it('still finds next after 100k characters of other links', () => {
    const filler = Array.from({ length: 4_000 }, (_, i) => `<https://x.example/${i}>; rel="prev"`).join(', ');
    const header = `${filler}, <https://x.example/next>; rel="next"`;
    expect(header.length).toBeGreaterThan(100_000);
    expect(findNextLink(header, request)).toBe('https://x.example/next');
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', ';', ',', '"', '\\', '=', ' ', 'r', 'e', 'l', 'n', 'x', 't', '/'),
        }),
        (header) => {
          expect(Array.isArray(parseLinkHeader(header, request))).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('finds the next link of any well-formed list of links', () => {
    const link = fc.record({
      path: fc.stringMatching(/^[a-z0-9/?=&]{0,20}$/),
      rel: fc.constantFrom('next', 'prev', 'first', 'last'),
      quoted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 6 }), (links) => {
        const header = links
          .map(({ path, rel, quoted }) => `<https://x.example/${path}>; rel=${quoted ? `"${rel}"` : rel}`)
          .join(', ');
        const next = links.find((candidate) => candidate.rel === 'next');
        const expected = next ? new URL(`https://x.example/${next.path}`).href : undefined;
        expect(findNextLink(header, request)).toBe(expected);
      }),
    );
  });

  it('keeps parameters named like Object properties as parameters', () => {
    const [link] = parseLinkHeader('<a>; rel=next; __proto__="x"; constructor=y; toString', request);
    expect(Object.entries(link?.params ?? {})).toEqual([
      ['rel', 'next'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['tostring', ''],
    ]);
  });

  it('resolves a target against the request URL as the URL standard does, whatever the scheme', () => {
    // Without `//`, a target of the request's own scheme is relative to it.
    expect(findNextLink('<http:x?offset=5>; rel=next', 'http://cpo.example.com/ocpi/l')).toBe(
      'http://cpo.example.com/ocpi/x?offset=5',
    );
    expect(findNextLink('<http:x>; rel=next', 'https://cpo.example.com/ocpi/l')).toBe('http://x/');
    expect(findNextLink('<HTTPS://CPO.example.com:443/a>; rel=next', request)).toBe(
      'https://cpo.example.com/a',
    );
  });

  it('finds the same next link by its short way (one plain next link) as by reading every link', () => {
    const target = fc.oneof(
      fc.constantFrom(
        'https://x.example/n?offset=50',
        '/rel?offset=1',
        'HTTP://X.EXAMPLE:80/a',
        'http:x',
        '//h/p',
      ),
      fc.string({
        unit: fc.constantFrom('a', '/', ':', '?', ' ', '<', '>', '"', ';', ',', 'h', 't', 'p', 's'),
      }),
    );
    const rest = fc.constantFrom(
      '; rel="next"',
      '; rel=next',
      '; rel="NEXT"',
      '; rel="next prev"',
      ';rel=next',
      '; rel="next"; x',
      '',
    );
    const header = fc
      .tuple(fc.constantFrom('', ' ', 'x'), target, rest)
      .map(([lead, url, tail]) => `${lead}<${url}>${tail}`);
    fc.assert(
      // An http base too: there `http:x` is relative to it.
      fc.property(header, fc.constantFrom(request, 'http://cpo.example.com/ocpi/l'), (value, base) => {
        const read = parseLinkHeader(value, base).find((link) => link.rel.includes('next'));
        expect(nextLinkUrl(value, base)?.href).toBe(read?.url);
      }),
      { numRuns: 3_000 },
    );
  });
});
