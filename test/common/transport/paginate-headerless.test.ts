// Paging without headers (issue #13): a partner that sends neither `Link` nor `X-Total-Count` (both
// required by the spec on a paginated response) is read by offset while its pages are full, each such
// page told as a `paged_by_offset` issue, and the reading ends at a short or empty page, or at a page that
// repeats what was read (`offset_ignored`). Both versions, against partners played by msw.
import type { Page, ValidationReport } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { clientInfo221 } from '../../support/client-payloads';
import { useMswServer } from '../../support/msw';
import { location211, location221, ocpi } from '../../support/ocpi-responses';

const { server, requests } = useMswServer();

const URL_211 = 'https://cpo.example.com/ocpi/2.1.1/locations';
const URL_221 = 'https://cpo.example.com/ocpi/2.2.1/locations';
const HUB_URL = 'https://hub.example.com/ocpi/2.2.1/hubclientinfo';

type Listener = (report: ValidationReport) => void;

/** The Locations list of one partner, in either version, as the tests read it. */
const versions = [
  {
    version: '2.1.1',
    url: URL_211,
    location: location211,
    list: (options: { onValidationIssues?: Listener; validation?: 'strict' | 'off' } = {}, limit?: number) =>
      v211
        .createClient({
          token: 'token-1',
          endpoints: [{ identifier: 'locations', url: URL_211 }],
          retry: { limit: 0 },
          ...options,
        })
        .locations.cpo.list(limit === undefined ? {} : { query: { limit } }),
  },
  {
    version: '2.2.1',
    url: URL_221,
    location: location221,
    list: (options: { onValidationIssues?: Listener; validation?: 'strict' | 'off' } = {}, limit?: number) =>
      v221
        .createClient({
          token: 'token-1',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: URL_221 }],
          retry: { limit: 0 },
          ...options,
        })
        .locations.sender.list(limit === undefined ? {} : { query: { limit } }),
  },
] as const;

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `L${from + i}`);

/**
 * A partner of `total` Locations that pages them by `offset`, at most `pageSize` a page (fewer when the
 * caller asks a lower `limit`), and sends no paging header but those in `headers`. `ignoresOffset`: it
 * serves the first page whatever the offset.
 */
function servePartner(
  { url, location }: (typeof versions)[number],
  total: number,
  pageSize: number,
  { ignoresOffset = false, headers = {} }: { ignoresOffset?: boolean; headers?: Record<string, string> } = {},
) {
  server.use(
    http.get(url, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const offset = ignoresOffset ? 0 : Number(query.get('offset') ?? 0);
      const size = Math.min(pageSize, Number(query.get('limit') ?? pageSize));
      const served = ids(offset, Math.max(0, Math.min(size, total - offset)));
      return ocpi(
        served.map((id) => location(id)),
        { headers },
      );
    }),
  );
}

const offsets = () => requests.map((request) => new URL(request.url).searchParams.get('offset') ?? '0');

function listening() {
  const reports: ValidationReport[] = [];
  return { reports, onValidationIssues: (report: ValidationReport) => reports.push(report) };
}

/** Each report as `code url`: one line per deviation told. */
const told = (reports: readonly ValidationReport[]) =>
  reports.flatMap((report) => report.issues.map((issue) => `${issue.code} ${report.request.url}`));

const pageUrl = (url: string, offset: number) => (offset === 0 ? url : `${url}?offset=${offset}`);

describe.each(versions)('a partner without paging headers ($version)', (partner) => {
  it('gives on await the page a walk gives first, with its paging issue told alike', async () => {
    servePartner(partner, 237, 20);
    const awaited = listening();
    const first = await partner.list({ onValidationIssues: awaited.onValidationIssues });
    const walked = listening();
    const pages = partner.list({ onValidationIssues: walked.onValidationIssues }).pages();
    const { value } = await pages.next();
    await pages.return(undefined);

    expect(first).toEqual(value);
    expect(first.items.map((item) => item.id)).toEqual(ids(0, 20));
    expect(first.nextUrl).toBe(`${partner.url}?offset=20`);
    expect(first.pagingIssues.map((issue) => issue.code)).toEqual(['paged_by_offset']);
    expect(told(awaited.reports)).toEqual([`paged_by_offset ${partner.url}`]);
    expect(awaited.reports).toEqual(walked.reports);
    expect(offsets()).toEqual(['0', '0']);
  });

  it('serving 237 Locations in pages of 20 is read whole with for await, each full page told', async () => {
    servePartner(partner, 237, 20);
    const { reports, onValidationIssues } = listening();
    const seen: string[] = [];
    for await (const item of partner.list({ onValidationIssues })) seen.push(item.id);

    expect(seen).toEqual(ids(0, 237));
    // Eleven full pages, then the short twelfth (17) ends the list.
    expect(offsets()).toEqual(Array.from({ length: 12 }, (_, page) => String(page * 20)));
    expect(told(reports)).toEqual(
      Array.from({ length: 11 }, (_, page) => `paged_by_offset ${pageUrl(partner.url, page * 20)}`),
    );
    expect(reports[0]).toEqual({
      request: { method: 'GET', url: partner.url },
      subject: 'locations item list',
      issues: [
        {
          path: '',
          segments: [],
          code: 'paged_by_offset',
          message: 'full page without Link or X-Total-Count: next asked at offset 20',
          fatal: false,
          action: 'kept',
        },
      ],
    });
  });

  it('serving 237 Locations in pages of 20 is read whole with toArray, each full page told', async () => {
    servePartner(partner, 237, 20);
    const { reports, onValidationIssues } = listening();
    const all = await partner.list({ onValidationIssues }).toArray({ limit: 1_000 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 237));
    expect(told(reports)).toHaveLength(11);
  });

  it('is read whole with nobody listening: a missing header loses nothing, so nothing throws', async () => {
    servePartner(partner, 237, 20);
    const all = await partner.list().toArray({ limit: 1_000 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 237));
  });

  it('shows the deviation on each page object, and the next URL it chose', async () => {
    servePartner(partner, 45, 20);
    const pages: Page<{ id: string }>[] = [];
    for await (const page of partner.list().pages()) pages.push(page);
    expect(
      pages.map((page) => ({
        items: page.items.length,
        codes: page.pagingIssues.map((issue) => issue.code),
        next: page.nextUrl,
      })),
    ).toEqual([
      { items: 20, codes: ['paged_by_offset'], next: `${partner.url}?offset=20` },
      { items: 20, codes: ['paged_by_offset'], next: `${partner.url}?offset=40` },
      { items: 5, codes: [], next: undefined },
    ]);
  });

  it('with exactly N pages of items, ends at the empty page after them', async () => {
    servePartner(partner, 60, 20);
    const { reports, onValidationIssues } = listening();
    const all = await partner.list({ onValidationIssues }).toArray({ limit: 1_000 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 60));
    expect(offsets()).toEqual(['0', '20', '40', '60']);
    expect(told(reports)).toHaveLength(3);
  });

  it('that ignores offset: stops at the repeated page, yields nothing twice, and tells', async () => {
    servePartner(partner, 237, 20, { ignoresOffset: true });
    const { reports, onValidationIssues } = listening();
    const pages: Page<{ id: string }>[] = [];
    for await (const page of partner.list({ onValidationIssues }).pages()) pages.push(page);

    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(ids(0, 20));
    expect(offsets()).toEqual(['0', '20']);
    expect(told(reports)).toEqual([
      `paged_by_offset ${partner.url}`,
      `offset_ignored ${partner.url}?offset=20`,
    ]);
    expect(pages[1]?.pagingIssues).toEqual([
      {
        path: '',
        segments: [],
        code: 'offset_ignored',
        message: 'page at offset 20 repeats what was read: offset ignored, list ends',
        fatal: false,
        action: 'dropped',
      },
    ]);
    expect(pages[1]?.nextUrl).toBeUndefined();
  });

  it('that ignores offset, read with for await and nobody listening: ends with the first page', async () => {
    servePartner(partner, 237, 20, { ignoresOffset: true });
    const seen: string[] = [];
    for await (const item of partner.list()) seen.push(item.id);
    expect(seen).toEqual(ids(0, 20));
    expect(requests).toHaveLength(2);
  });

  it('with a short first page under its X-Limit: one request, nothing told', async () => {
    servePartner(partner, 7, 20, { headers: { 'X-Limit': '20' } });
    const { reports, onValidationIssues } = listening();
    const all = await partner.list({ onValidationIssues }).toArray({ limit: 100 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 7));
    expect(requests).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  it('with a full page by its X-Limit: goes on, and ends at the short page', async () => {
    servePartner(partner, 25, 10, { headers: { 'X-Limit': '10' } });
    const { reports, onValidationIssues } = listening();
    const all = await partner.list({ onValidationIssues }, 50).toArray({ limit: 100 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 25));
    expect(offsets()).toEqual(['0', '10', '20']);
    expect(told(reports)).toHaveLength(2);
  });

  it('with a first page shorter than the limit asked: takes it for the partner page size, one request more', async () => {
    // Without X-Limit, 7 of a limit of 50 may be the whole list or a silent cap of 7: asking once more
    // costs one empty answer; not asking could lose the rest unseen.
    servePartner(partner, 7, 20);
    const { reports, onValidationIssues } = listening();
    const all = await partner.list({ onValidationIssues }, 50).toArray({ limit: 100 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 7));
    expect(offsets()).toEqual(['0', '7']);
    expect(told(reports)).toEqual([`paged_by_offset ${partner.url}?limit=50`]);
  });

  it('that caps its pages below the limit asked, without saying so, is still read whole', async () => {
    servePartner(partner, 45, 20);
    const all = await partner.list({}, 50).toArray({ limit: 100 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 45));
    expect(offsets()).toEqual(['0', '20', '40']);
  });

  it('with a short or empty first page and no limit asked: the page size is the first page', async () => {
    servePartner(partner, 0, 20);
    expect(await partner.list().toArray({ limit: 100 })).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it.each(['strict', 'off'] as const)(
    'in %s mode too: told, never thrown (the guess is about paging, not the data)',
    async (validation) => {
      servePartner(partner, 30, 20);
      const { reports, onValidationIssues } = listening();
      const all = await partner.list({ onValidationIssues, validation }).toArray({ limit: 100 });
      expect(all).toHaveLength(30);
      expect(told(reports)).toEqual([`paged_by_offset ${partner.url}`]);
    },
  );

  it('fetches nothing more after a break', async () => {
    servePartner(partner, 237, 20);
    for await (const item of partner.list()) {
      expect(item.id).toBe('L0');
      break;
    }
    expect(requests).toHaveLength(1);
  });
});

describe('a partner without paging headers, the edges of reading by offset', () => {
  const [, v221Partner] = versions;

  it('whose list shifts between pages (an object added in front) yields no object twice', async () => {
    // The second page starts one object early: L19 comes again and is not yielded twice.
    server.use(
      http.get(URL_221, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const from = offset === 0 ? 0 : offset - 1;
        return ocpi(ids(from, Math.max(0, Math.min(20, 50 - from))).map(location221));
      }),
    );
    const all = await v221Partner.list().toArray({ limit: 100 });
    expect(all.map((item) => item.id)).toEqual(ids(0, 50));
    expect(offsets()).toEqual(['0', '20', '40']);
  });

  it('that serves the same page of objects without ids again: stops at the repeat', async () => {
    // HubClientInfo objects have no id: the page is told a repeat by what its objects hold.
    const parties = Array.from({ length: 5 }, (_, i) => clientInfo221('NL', `P${i}`));
    server.use(http.get(HUB_URL, () => ocpi(parties)));
    const { reports, onValidationIssues } = listening();
    const client = v221.createClient({
      token: 'token-1',
      endpoints: [{ identifier: 'hubclientinfo', role: 'SENDER', url: HUB_URL }],
      retry: { limit: 0 },
      onValidationIssues,
    });
    const all = await client.hubclientinfo.sender.list().toArray({ limit: 100 });
    expect(all).toEqual(parties);
    expect(requests).toHaveLength(2);
    expect(told(reports)).toEqual([`paged_by_offset ${HUB_URL}`, `offset_ignored ${HUB_URL}?offset=5`]);
  });

  it('with a Link or an X-Total-Count, pages as the partner says and tells nothing', async () => {
    for (const headers of [{ 'X-Total-Count': '30' }, { Link: `<${URL_221}?offset=20>; rel="next"` }]) {
      server.use(
        http.get(URL_221, ({ request }) => {
          const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
          return ocpi(ids(offset, Math.min(20, 30 - offset)).map(location221), {
            headers: offset === 0 ? headers : { 'X-Total-Count': '30' },
          });
        }),
      );
      const { reports, onValidationIssues } = listening();
      const pages: Page<{ id: string }>[] = [];
      for await (const page of v221Partner.list({ onValidationIssues }).pages()) pages.push(page);
      expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(ids(0, 30));
      expect(pages.map((page) => page.pagingIssues)).toEqual([[], []]);
      expect(reports).toEqual([]);
    }
  });
});
