// Issue #12, part 6: no item of a list is lost unseen. A page of 7 Locations where #3 is broken (its
// required address is missing) and #5 is kept with a tolerated issue (an over-long city), read every way
// a list can be read, in both versions: the 6 good ones arrive, and the user learns #3's index and id.
import {
  isOcpiRejectedItemsError,
  isOcpiValidationError,
  type OcpiRejectedItemsError,
  type Page,
  type PageRequest,
  parseList,
  type ValidationReport,
} from '@org/ocpi';
import { mswHandlers, simulatedCpo } from '@org/ocpi/testing';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { useMswServer } from '../support/msw';
import { location211, location221, ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();

const TOKEN = 'token-of-the-list-tests';
const GOOD = ['L0', 'L1', 'L2', 'L4', 'L5', 'L6'];

interface Version {
  name: string;
  location: (id: string) => Record<string, unknown>;
  schema: typeof v221.LocationSchema | typeof v211.LocationSchema;
  url: string;
  /** The Locations list call of a client of a CPO's Locations, with these client options. */
  list: (
    options: {
      validation?: 'strict' | 'lenient' | 'off';
      onValidationIssues?: (report: ValidationReport) => void;
    },
    call?: Parameters<v221.Client221['locations']['sender']['list']>[0],
  ) => PageRequest<{ id: string }>;
}

const versions: Version[] = [
  {
    name: '2.2.1',
    location: location221,
    schema: v221.LocationSchema,
    url: 'https://cpo.example.com/ocpi/2.2.1/locations',
    list: (options, call) =>
      v221
        .createClient({
          token: TOKEN,
          endpoints: [
            { identifier: 'locations', role: 'SENDER', url: 'https://cpo.example.com/ocpi/2.2.1/locations' },
          ],
          retry: { limit: 0 },
          ...options,
        })
        .locations.sender.list(call),
  },
  {
    name: '2.1.1',
    location: location211,
    schema: v211.LocationSchema,
    url: 'https://cpo.example.com/ocpi/2.1.1/locations',
    list: (options, call) =>
      v211
        .createClient({
          token: TOKEN,
          endpoints: [{ identifier: 'locations', url: 'https://cpo.example.com/ocpi/2.1.1/locations' }],
          retry: { limit: 0 },
          ...options,
        })
        .locations.cpo.list(call),
  },
];

/** Seven Locations: #3 lost its required address, #5 has a city over the 45 characters of the spec. */
function sevenLocations(version: Version): unknown[] {
  return Array.from({ length: 7 }, (_, index) => {
    const location = version.location(`L${index}`);
    if (index === 3) {
      const { address: _, ...broken } = location;
      return broken;
    }
    return index === 5 ? { ...location, city: 'U'.repeat(46) } : location;
  });
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const named = (items: readonly { index: number; id: string | undefined }[]) =>
  items.map(({ index, id }) => ({ index, id }));
const paths = (items: readonly { issues: readonly { path: string; fatal: boolean }[] }[]) =>
  items.map(({ issues }) => issues.map(({ path, fatal }) => ({ path, fatal })));

async function collect<T>(iterable: AsyncIterable<T>, into: T[]): Promise<unknown> {
  try {
    for await (const item of iterable) into.push(item);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe.each(versions)('a page of 7 Locations with one invalid item ($name)', (version) => {
  const serve = (data: unknown[] = sevenLocations(version)) =>
    server.use(
      http.get(version.url, () => ocpi(data, { headers: { 'X-Total-Count': String(data.length) } })),
    );

  it('awaited: the page has the 6 good items and names the rejected and the tolerated one', async () => {
    serve();
    const page: Page<{ id: string }> = await version.list({});
    expect(ids(page.items)).toEqual(GOOD);
    expect(named(page.rejected)).toEqual([{ index: 3, id: 'L3' }]);
    expect(paths(page.rejected)).toEqual([[{ path: 'address', fatal: true }]]);
    expect(named(page.tolerated)).toEqual([{ index: 5, id: 'L5' }]);
    expect(paths(page.tolerated)).toEqual([[{ path: 'city', fatal: false }]]);
  });

  it('.pages(): each page names what it left out and what it tolerated', async () => {
    serve();
    const pages: Page<{ id: string }>[] = [];
    for await (const page of version.list({}).pages()) pages.push(page);
    expect(pages.flatMap((page) => ids(page.items))).toEqual(GOOD);
    expect(pages.flatMap((page) => named(page.rejected))).toEqual([{ index: 3, id: 'L3' }]);
    expect(pages.flatMap((page) => named(page.tolerated))).toEqual([{ index: 5, id: 'L5' }]);
  });

  it('for await, nobody listening: the 6 good items arrive, then an error names the one left out', async () => {
    serve();
    const seen: { id: string }[] = [];
    const error = await collect(version.list({}), seen);
    expect(ids(seen)).toEqual(GOOD);
    expect(isOcpiRejectedItemsError(error)).toBe(true);
    expect(isOcpiValidationError(error)).toBe(true);
    const rejected = error as OcpiRejectedItemsError;
    expect(rejected.rejectedCount).toBe(1);
    expect(rejected.rejected.map(({ index, id, url }) => ({ index, id, url }))).toEqual([
      { index: 3, id: 'L3', url: version.url },
    ]);
    expect(rejected.issues.map(({ path }) => path)).toEqual(['[3].address']);
    expect(rejected.message).toContain('1 rejected item: [3] "L3"');
    expect(rejected.rejected[0]?.error.issues).toEqual(rejected.rejected[0]?.issues);
  });

  it('for await with a listener on the call: no error, each page reported with its items by index and id', async () => {
    serve();
    const onValidationIssues = vi.fn<(report: ValidationReport) => void>();
    const seen: { id: string }[] = [];
    expect(await collect(version.list({}, { options: { onValidationIssues } }), seen)).toBeUndefined();
    expect(ids(seen)).toEqual(GOOD);
    expect(onValidationIssues).toHaveBeenCalledTimes(1);
    const report = onValidationIssues.mock.calls[0]?.[0];
    expect(named(report?.rejected ?? [])).toEqual([{ index: 3, id: 'L3' }]);
    expect(named(report?.tolerated ?? [])).toEqual([{ index: 5, id: 'L5' }]);
    expect(report?.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'kept [5].city',
      'dropped [3].address',
    ]);
  });

  it('for await with a listener on the client: no error either', async () => {
    serve();
    const onValidationIssues = vi.fn();
    const seen: { id: string }[] = [];
    expect(await collect(version.list({ onValidationIssues }), seen)).toBeUndefined();
    expect(ids(seen)).toEqual(GOOD);
    expect(onValidationIssues).toHaveBeenCalledTimes(1);
  });

  it('.toArray(), nobody listening: rejects naming the item; with a listener: the 6 good items', async () => {
    serve();
    const error = await version
      .list({})
      .toArray({ limit: 100 })
      .catch((caught: unknown) => caught);
    expect(isOcpiRejectedItemsError(error)).toBe(true);
    expect(named((error as OcpiRejectedItemsError).rejected)).toEqual([{ index: 3, id: 'L3' }]);

    const onValidationIssues = vi.fn();
    const items = await version.list({}, { options: { onValidationIssues } }).toArray({ limit: 100 });
    expect(ids(items)).toEqual(GOOD);
  });

  it('parseList: the 6 good items, the rejected and the tolerated one by index and id', () => {
    const result = parseList(version.schema, sevenLocations(version), {
      mode: 'lenient',
      subject: 'Location',
    });
    expect(ids(result.items)).toEqual(GOOD);
    expect(named(result.rejected)).toEqual([{ index: 3, id: 'L3' }]);
    expect(named(result.tolerated)).toEqual([{ index: 5, id: 'L5' }]);
    expect(paths(result.tolerated)).toEqual([[{ path: 'city', fatal: false }]]);
    expect(result.toleratedCount).toBe(1);
    expect(result.issues.map(({ path }) => path)).toEqual(['[5].city']);
  });

  it('a strict call on a lenient client rejects item by item what breaks the spec, and ends a listener-less iteration with a typed error naming them', async () => {
    serve();
    // In strict mode the over-long city costs #5 too; the other items are still delivered.
    const strictGood = GOOD.filter((id) => id !== 'L5');
    const page = await version.list({}, { options: { validation: 'strict' } });
    expect(ids(page.items)).toEqual(strictGood);
    expect(named(page.rejected)).toEqual([
      { index: 3, id: 'L3' },
      { index: 5, id: 'L5' },
    ]);
    serve();
    const seen: { id: string }[] = [];
    const error = await collect(version.list({}, { options: { validation: 'strict' } }), seen);
    expect(ids(seen)).toEqual(strictGood);
    expect(isOcpiRejectedItemsError(error)).toBe(true);
    const rejected = error as OcpiRejectedItemsError;
    expect(rejected.message).toContain('2 rejected items: [3] "L3", [5] "L5"');
    expect(rejected.issues.map(({ path }) => path)).toEqual(['[3].address', '[5].city']);
  });

  it('a lenient call on a strict client keeps what lenient mode tolerates', async () => {
    serve();
    const onValidationIssues = vi.fn();
    const strictPage = await version.list({ validation: 'strict' });
    expect(named(strictPage.rejected)).toEqual([
      { index: 3, id: 'L3' },
      { index: 5, id: 'L5' },
    ]);
    const page = await version.list(
      { validation: 'strict' },
      { options: { validation: 'lenient', onValidationIssues } },
    );
    expect(ids(page.items)).toEqual(GOOD);
    expect(named(page.rejected)).toEqual([{ index: 3, id: 'L3' }]);
  });

  it("an 'off' call checks nothing and so rejects nothing", async () => {
    serve();
    const seen: { id: string }[] = [];
    expect(await collect(version.list({}, { options: { validation: 'off' } }), seen)).toBeUndefined();
    expect(ids(seen)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
  });

  it('across pages: every rejected item with its page URL, the error only after the last good item', async () => {
    const all = sevenLocations(version);
    server.use(
      http.get(version.url, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        return ocpi(all.slice(offset, offset + 4), { headers: { 'X-Total-Count': '7' } });
      }),
    );
    // #3 is on the first page; the second page starts with the good L4.
    all[4] = { ...version.location('L4'), last_updated: 3 };
    const seen: { id: string }[] = [];
    const error = (await collect(version.list({}), seen)) as OcpiRejectedItemsError;
    expect(ids(seen)).toEqual(['L0', 'L1', 'L2', 'L5', 'L6']);
    expect(error.rejectedCount).toBe(2);
    expect(error.rejected.map(({ index, id, url }) => ({ index, id, url }))).toEqual([
      { index: 3, id: 'L3', url: version.url },
      { index: 0, id: 'L4', url: `${version.url}?offset=4` },
    ]);
  });

  it('from a simulated CPO that breaks the middle item of every page: the rest arrive, each broken one named with its page', async () => {
    const partner = await simulatedCpo({
      version: version.name as '2.2.1' | '2.1.1',
      baseUrl: 'https://faulty.example.com/ocpi',
      locations: 7,
      sessions: 1,
      pageLimit: 4,
      faults: ['invalid-item'],
    });
    server.use(...(await mswHandlers(partner)));
    const url = `${partner.baseUrl}/${version.name}/${version.name === '2.2.1' ? 'sender' : 'cpo'}/locations`;
    const list =
      version.name === '2.2.1'
        ? v221
            .createClient({
              token: partner.registeredToken,
              endpoints: [{ identifier: 'locations', role: 'SENDER', url }],
              retry: { limit: 0 },
            })
            .locations.sender.list()
        : v211
            .createClient({
              token: partner.registeredToken,
              endpoints: [{ identifier: 'locations', url }],
              retry: { limit: 0 },
            })
            .locations.cpo.list();
    const all = ids(partner.data.locations as readonly { id: string }[]);
    const seen: { id: string }[] = [];
    const error = (await collect(list, seen)) as OcpiRejectedItemsError;
    // Pages of 4 and 3: the third item of the first, the second of the next lack last_updated.
    expect(ids(seen)).toEqual(all.filter((_, index) => index !== 2 && index !== 5));
    expect(isOcpiRejectedItemsError(error)).toBe(true);
    expect(error.rejected.map(({ index, id, url }) => ({ index, id, url }))).toEqual([
      { index: 2, id: all[2], url },
      { index: 1, id: all[5], url: requests[1]?.url },
    ]);
    expect(error.issues.map(({ path }) => path)).toEqual(['[2].last_updated', '[1].last_updated']);
  });

  it('never names our token, even when a partner echoes it as the id of a rejected item', async () => {
    const { address: _, ...broken } = version.location(TOKEN);
    serve([version.location('L0'), broken]);
    const seen: { id: string }[] = [];
    const error = (await collect(version.list({}), seen)) as OcpiRejectedItemsError;
    expect(ids(seen)).toEqual(['L0']);
    expect(error.rejected[0]?.id).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.rejected)).not.toContain(TOKEN);
    const page = await version.list({});
    expect(JSON.stringify(page.rejected)).not.toContain(TOKEN);
  });
});

describe('the bounds of what a list keeps (issue #10)', () => {
  it('parseList describes tolerated items while its issue cap lasts and counts them all', () => {
    const quirky = Array.from({ length: 30 }, (_, i) => ({ ...location221(`L${i}`), city: 'U'.repeat(46) }));
    const result = parseList(v221.LocationSchema, quirky, {
      mode: 'lenient',
      subject: 'Location',
      maxIssues: 10,
    });
    expect(result.items).toHaveLength(30);
    expect(result.tolerated.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.toleratedCount).toBe(30);
    expect(result.issueCount).toBe(30);
  });

  it('the error at the end of a list describes the first 100 rejected items and counts the rest', async () => {
    const url = 'https://cpo.example.com/ocpi/2.2.1/locations';
    server.use(http.get(url, () => ocpi([location221('L0'), ...new Array(300).fill(0)])));
    const seen: { id: string }[] = [];
    const list = v221
      .createClient({
        token: TOKEN,
        endpoints: [{ identifier: 'locations', role: 'SENDER', url }],
        retry: { limit: 0 },
      })
      .locations.sender.list();
    const error = (await collect(list, seen)) as OcpiRejectedItemsError;
    expect(ids(seen)).toEqual(['L0']);
    expect(error.rejected).toHaveLength(100);
    expect(error.rejectedCount).toBe(300);
    expect(error.issues.at(-1)?.message).toBe('200 more rejected items not listed');
    expect(error.message).toContain(
      '300 rejected items: [1] no id, [2] no id, [3] no id, [4] no id, [5] no id, ...',
    );
  });
});
