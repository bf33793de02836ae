import { isOcpiUntrustedUrlError, isOcpiValidationError } from '@org/ocpi';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { LOCATIONS_URL, locationsClient } from '../../support/locations-client';
import { useMswServer } from '../../support/msw';
import { location221, ocpi } from '../../support/ocpi-responses';

const { server, requests } = useMswServer();

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `L${from + i}`);

/** A server of `total` Locations, `limit` per page, with Link headers built by `link`. */
function serveLocations(
  total: number,
  limit: number,
  link: ((offset: number, url: URL) => string | undefined) | undefined,
  headers: { totals?: boolean } = {},
) {
  server.use(
    http.get(LOCATIONS_URL, ({ request }) => {
      const url = new URL(request.url);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = ids(offset, Math.max(0, Math.min(limit, total - offset))).map(location221);
      const next = offset + limit < total ? link?.(offset + limit, url) : undefined;
      return ocpi(page, {
        headers: {
          ...(headers.totals !== false && { 'X-Total-Count': String(total), 'X-Limit': String(limit) }),
          ...(next && { Link: `<${next}>; rel="next"` }),
        },
      });
    }),
  );
}

const absolute = (offset: number) => `${LOCATIONS_URL}?offset=${offset}&limit=2`;
const relative = (offset: number) => `/ocpi/2.2.1/locations?offset=${offset}&limit=2`;

async function collect(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of iterable) seen.push(item.id);
  return seen;
}

describe('pagination', () => {
  it.each([
    ['absolute Link', absolute, {}],
    ['relative Link', relative, {}],
    ['no Link: offsets from X-Total-Count', undefined, {}],
  ] as const)('follows pages by %s', async (_, link, headers) => {
    serveLocations(5, 2, link, headers);
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, 5));
    expect(requests.map((request) => new URL(request.url).searchParams.get('offset') ?? '0')).toEqual([
      '0',
      '2',
      '4',
    ]);
  });

  // Issue #13: this used to stop after the first page, losing the rest unseen (see paginate-headerless).
  it('goes on by offset while pages are full when there is neither a Link nor a total', async () => {
    serveLocations(5, 2, undefined, { totals: false });
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, 5));
    expect(requests.map((request) => new URL(request.url).searchParams.get('offset') ?? '0')).toEqual([
      '0',
      '2',
      '4',
    ]);
  });

  it.each([
    ['a full last page', 4],
    ['a short last page', 5],
  ])('ends on %s', async (_, total) => {
    serveLocations(total, 2, absolute);
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, total));
  });

  it('ends on an empty page, even if the total still claims more', async () => {
    server.use(http.get(LOCATIONS_URL, () => ocpi([], { headers: { 'X-Total-Count': '10' } })));
    expect(await collect(locationsClient().locations.sender.list())).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('stops when the Link repeats a URL already fetched', async () => {
    // A server stuck on its second page keeps sending the same next link.
    server.use(
      http.get(LOCATIONS_URL, () =>
        ocpi([location221('L0')], { headers: { Link: `<${LOCATIONS_URL}?offset=1>; rel="next"` } }),
      ),
    );
    // The object it repeats is yielded once.
    expect(await collect(locationsClient().locations.sender.list())).toEqual(['L0']);
    expect(requests.map((request) => request.url)).toEqual([LOCATIONS_URL, `${LOCATIONS_URL}?offset=1`]);
  });

  it('keeps the filters of the query on every page, and exposes page details', async () => {
    serveLocations(3, 2, undefined);
    const pages = [];
    for await (const page of locationsClient()
      .locations.sender.list({ query: { date_from: '2024-01-01T00:00:00Z', limit: 2 } })
      .pages()) {
      pages.push({
        ids: page.items.map((item) => item.id),
        total: page.totalCount,
        limit: page.limit,
        offset: page.offset,
        next: page.nextUrl,
      });
    }
    expect(pages).toEqual([
      {
        ids: ['L0', 'L1'],
        total: 3,
        limit: 2,
        offset: 0,
        next: `${LOCATIONS_URL}?date_from=2024-01-01T00%3A00%3A00Z&limit=2&offset=2`,
      },
      { ids: ['L2'], total: 3, limit: 2, offset: 2, next: undefined },
    ]);
  });

  it('fails on page 2 after yielding page 1', async () => {
    let calls = 0;
    server.use(
      http.get(LOCATIONS_URL, () => {
        calls++;
        return calls === 1
          ? ocpi([location221('L0')], { headers: { Link: `<${LOCATIONS_URL}?offset=1>; rel="next"` } })
          : ocpi(null, { status_code: 3000, status_message: 'database down' });
      }),
    );
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const location of locationsClient().locations.sender.list()) seen.push(location.id);
      })(),
    ).rejects.toThrow('OCPI 3000 "database down"');
    expect(seen).toEqual(['L0']);
  });

  it('fetches nothing more after a break', async () => {
    serveLocations(100, 2, absolute);
    for await (const location of locationsClient().locations.sender.list()) {
      expect(location.id).toBe('L0');
      break;
    }
    expect(requests).toHaveLength(1);
  });

  it('stops when aborted mid-way', async () => {
    serveLocations(100, 2, absolute);
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const location of locationsClient().locations.sender.list({
          options: { signal: controller.signal },
        })) {
          seen.push(location.id);
          if (seen.length === 3) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(2);
  });

  it('collects with a mandatory cap, fetching only what it needs', async () => {
    serveLocations(100, 2, absolute);
    expect(await locationsClient().locations.sender.list().toArray({ limit: 3 })).toHaveLength(3);
    expect(requests).toHaveLength(2);
  });

  it('awaits to the first page', async () => {
    serveLocations(5, 2, absolute);
    const page = await locationsClient().locations.sender.list();
    expect(page.items.map((item) => item.id)).toEqual(['L0', 'L1']);
    expect(page.nextUrl).toBe(absolute(2));
    expect(requests).toHaveLength(1);
  });

  it('with one invalid item: strict fails the page, lenient skips and reports it', async () => {
    server.use(
      http.get(LOCATIONS_URL, () =>
        ocpi([location221('L0'), { ...location221('L1'), publish: 'yes' }, location221('L2')]),
      ),
    );
    const strict = locationsClient({ validation: 'strict' }).locations.sender.list();
    const error = await collect(strict).catch((caught: unknown) => caught);
    expect(isOcpiValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map(({ path }) => path)).toEqual(['[1].publish']);

    const onValidationIssues = vi.fn();
    expect(await collect(locationsClient({ onValidationIssues }).locations.sender.list())).toEqual([
      'L0',
      'L2',
    ]);
    expect(onValidationIssues.mock.calls[0]?.[0].issues).toMatchObject([
      { path: '[1].publish', action: 'dropped' },
    ]);
  });

  it('tells on each page which items it left out and how many', async () => {
    server.use(
      http.get(LOCATIONS_URL, () =>
        ocpi([location221('L0'), { ...location221('L1'), publish: 'yes' }, 7, location221('L3')]),
      ),
    );
    const page = await locationsClient().locations.sender.list();
    expect(page.items.map((item) => item.id)).toEqual(['L0', 'L3']);
    expect(page.rejectedCount).toBe(2);
    expect(
      page.rejected.map(({ index, id, issues }) => ({ index, id, paths: issues.map(({ path }) => path) })),
    ).toEqual([
      { index: 1, id: 'L1', paths: ['publish'] },
      { index: 2, id: undefined, paths: [''] },
    ]);
    expect(page.rejected[0]?.error.message).toMatch(/\[1\]: 1 fatal issue \(publish: /);
  });

  it('refuses a Link to a foreign host without sending the token there', async () => {
    server.use(
      http.get(LOCATIONS_URL, () =>
        ocpi([location221('L0')], { headers: { Link: '<https://evil.example/steal?offset=1>; rel="next"' } }),
      ),
      http.get('https://evil.example/steal', () => ocpi([])),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const location of locationsClient().locations.sender.list()) seen.push(location.id);
    })().catch((caught: unknown) => caught);
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(seen).toEqual(['L0']);
    expect(requests.map((request) => new URL(request.url).host)).toEqual(['cpo.example.com']);
  });

  it('fetches a page again one step back when the total drops, as the spec advises, without repeats', async () => {
    // L1 leaves the window after page 1 was read: every later object moves one place forward.
    let removed = false;
    server.use(
      http.get(LOCATIONS_URL, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const all = removed ? ['L0', 'L2', 'L3', 'L4'] : ['L0', 'L1', 'L2', 'L3', 'L4'];
        const page = all.slice(offset, offset + 2);
        if (offset === 0) removed = true;
        return ocpi(page.map(location221), { headers: { 'X-Total-Count': String(all.length) } });
      }),
    );
    expect(await collect(locationsClient().locations.sender.list())).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
  });

  it('stops at an empty page, or at the total, even when every page has a Link', async () => {
    const serve = (totals: boolean) =>
      server.use(
        http.get(LOCATIONS_URL, ({ request }) => {
          const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
          // A client that does not stop fails here instead of looping on.
          if (offset > 6) return ocpi(null, { status: 500, status_code: 3000 });
          return ocpi(ids(offset, Math.max(0, Math.min(2, 3 - offset))).map(location221), {
            headers: {
              Link: `<${absolute(offset + 2)}>; rel="next"`,
              ...(totals && { 'X-Total-Count': '3' }),
            },
          });
        }),
      );
    serve(false);
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, 3));
    expect(requests.map((request) => new URL(request.url).searchParams.get('offset'))).toEqual([
      null,
      '2',
      '4',
    ]);
    requests.length = 0;
    serve(true);
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, 3));
    expect(requests).toHaveLength(2);
  });

  it('tells objects of different parties with the same id apart when it fetches a page again', async () => {
    // A hub's list: CPO A and CPO B both have an L1. A's L0 leaves after page 1 was read.
    const of = (party: string, id: string) => ({ ...location221(id), party_id: party });
    let removed = false;
    server.use(
      http.get(LOCATIONS_URL, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const all = [of('AAA', 'L0'), of('AAA', 'L1'), of('BBB', 'L1'), of('BBB', 'L2'), of('BBB', 'L3')];
        const current = removed ? all.slice(1) : all;
        if (offset === 0) removed = true;
        return ocpi(current.slice(offset, offset + 2), {
          headers: { 'X-Total-Count': String(current.length) },
        });
      }),
    );
    const seen: string[] = [];
    for await (const location of locationsClient().locations.sender.list())
      seen.push(`${location.party_id}/${location.id}`);
    expect(seen).toEqual(['AAA/L0', 'AAA/L1', 'BBB/L1', 'BBB/L2', 'BBB/L3']);
  });

  it('yields no object twice when more objects leave than a page holds', async () => {
    // After two pages are read, L5 to L7 leave: the step back by 3 lands inside pages already read.
    let removed = false;
    server.use(
      http.get(LOCATIONS_URL, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        if (offset === 4) removed = true;
        const all = ids(0, removed ? 5 : 8);
        return ocpi(all.slice(offset, offset + 2).map(location221), {
          headers: { 'X-Total-Count': String(all.length) },
        });
      }),
    );
    expect(await collect(locationsClient().locations.sender.list())).toEqual(ids(0, 5));
  });
});
