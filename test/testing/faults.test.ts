// The faults simulated parties make, each shown reaching our client as the typed error or the report
// it should: served over real HTTP on 127.0.0.1, read with the SDK's own client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  commandResponseUrl,
  connect,
  createOcpiHandler,
  InMemoryPartnerStore,
  isOcpiHttpError,
  type OcpiClient,
  type OcpiHandlerConfig,
  OcpiTimeoutError,
  type Page,
  partnerClient,
  partnerUrlPolicy,
  register,
  registrationConfig,
  type ValidationReport,
} from '@org/ocpi';
import { toNodeListener } from '@org/ocpi/node';
import {
  DEFAULT_PARTIES,
  type FaultName,
  type FaultSettings,
  type LocalParty,
  seedCpo211,
  seedCpo221,
  seedEmsp221,
  serveLocally,
  simulatedCpo,
} from '@org/ocpi/testing';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { afterEach, describe, expect, it } from 'vitest';

const loopback = partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] });
// 12 Locations in pages of 5: three pages, the last one short.
const LOCATIONS = 12;
const PAGE = 5;
const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((party) => party.close()));
});

type Version = '2.2.1' | '2.1.1';

async function cpo(version: Version, faults: readonly FaultName[], faultSettings: FaultSettings = {}) {
  const party = await serveLocally((baseUrl) =>
    simulatedCpo({
      version,
      baseUrl,
      faults,
      faultSettings,
      locations: LOCATIONS,
      sessions: 4,
      pageLimit: PAGE,
    }),
  );
  open.push(party);
  return party;
}

function seeded(version: Version) {
  const parties = {
    seed: 1,
    cpo: DEFAULT_PARTIES.CPO,
    emsp: DEFAULT_PARTIES.EMSP,
    locations: LOCATIONS,
    sessions: 4,
  };
  const data = version === '2.2.1' ? seedCpo221(parties) : seedCpo211(parties);
  return data.locations as readonly Record<string, unknown>[];
}

type Options = Parameters<typeof connect>[0];

/** Our client of a party, connected as its registered counter-party. */
function clientOf(party: LocalParty<unknown>, options: Partial<Options> = {}) {
  return connect({
    versionsUrl: party.versionsUrl,
    token: party.registeredToken,
    allowPartnerUrl: loopback,
    from: null,
    ...options,
  } as Options) as Promise<OcpiClient<'lenient', 'strip'>>;
}

/** Every page of the party's Locations, with every report heard on the way. */
async function locationPages(
  client: OcpiClient<'lenient', 'strip'>,
  validation: 'lenient' | 'strict' = 'lenient',
) {
  const reports: ValidationReport[] = [];
  const options = { validation, onValidationIssues: (report: ValidationReport) => reports.push(report) };
  const list =
    client.version === '2.2.1'
      ? client.locations.sender.list({ options })
      : client.locations.cpo.list({ options });
  const pages: Page<Record<string, unknown>>[] = [];
  for await (const page of list.pages()) pages.push(page as Page<Record<string, unknown>>);
  const items = pages.flatMap((page) => page.items);
  const issues = reports.flatMap((report) => report.issues);
  return { pages, items, reports, issues };
}

const ids = (items: readonly Record<string, unknown>[]) => items.map((item) => item.id);

describe('latency', () => {
  it('holds every answer back: a client timeout shorter than it gives OcpiTimeoutError', async () => {
    const party = await cpo('2.2.1', ['latency'], { latencyMs: 150 });
    await expect(clientOf(party, { timeout: 30 })).rejects.toBeInstanceOf(OcpiTimeoutError);
    const started = performance.now();
    const client = await clientOf(party, { timeout: 2_000 });
    // Versions and details: two answers, each held back.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 150 - 5);
    expect(client.version).toBe('2.2.1');
  });
});

describe('busy-bursts', () => {
  // Versions (1), details (2), page 1 (3), page 2 (4): the 4th request starts the burst.
  const settings = { burstEvery: 4, burstLength: 2, retryAfterSeconds: 0 };

  it('answers bursts of 503 with Retry-After', async () => {
    const party = await cpo('2.2.1', ['busy-bursts'], { burstEvery: 3, burstLength: 2 });
    const statuses: (readonly [number, string | null])[] = [];
    for (let request = 0; request < 6; request++) {
      const response = await fetch(party.versionsUrl, {
        headers: { Authorization: `Token ${btoa(party.registeredToken)}` },
      });
      await response.arrayBuffer();
      statuses.push([response.status, response.headers.get('Retry-After')]);
    }
    expect(statuses).toEqual([
      [200, null],
      [200, null],
      [503, '1'],
      [503, '1'],
      [200, null],
      [503, '1'],
    ]);
  });

  it('is retried by the client as Retry-After asks, and the sync completes', async () => {
    const party = await cpo('2.2.1', ['busy-bursts'], settings);
    const statuses: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const { items } = await locationPages(await clientOf(party, { fetch: counting }));
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
    // Page 2 twice busy, then answered; page 3 is the 7th request, before the next burst.
    expect(statuses).toEqual([200, 200, 200, 503, 503, 200, 200]);
  });

  it('reaches the caller as an OcpiHttpError 503 with retries off', async () => {
    const party = await cpo('2.2.1', ['busy-bursts'], settings);
    const client = await clientOf(party, { retry: { limit: 0 } });
    const failure = await locationPages(client).catch((error: unknown) => error);
    expect(isOcpiHttpError(failure) && failure.httpStatus).toBe(503);
  });
});

describe('paging headers', () => {
  it('no-link: pages without Link, followed by X-Total-Count to the end', async () => {
    const party = await cpo('2.2.1', ['no-link']);
    const { pages, items, issues } = await locationPages(await clientOf(party));
    expect(pages.map((page) => page.headers.get('Link'))).toEqual([null, null, null]);
    expect(pages.map((page) => page.totalCount)).toEqual([LOCATIONS, LOCATIONS, LOCATIONS]);
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
    expect(issues).toEqual([]);
  });

  it('no-total: pages without X-Total-Count, followed by Link to the end', async () => {
    const party = await cpo('2.2.1', ['no-total']);
    const { pages, items, issues } = await locationPages(await clientOf(party));
    expect(pages.map((page) => page.totalCount)).toEqual([undefined, undefined, undefined]);
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
    expect(issues).toEqual([]);
  });

  it('no-link and no-total: paged by offset to the end, and reported as paged_by_offset', async () => {
    const party = await cpo('2.1.1', ['no-link', 'no-total']);
    const { pages, items, issues } = await locationPages(await clientOf(party));
    expect(ids(items)).toEqual(ids(seeded('2.1.1')));
    // The two full pages had nothing to say where to go next.
    expect(pages.map((page) => page.pagingIssues.map((issue) => issue.code))).toEqual([
      ['paged_by_offset'],
      ['paged_by_offset'],
      [],
    ]);
    expect(issues.map((issue) => issue.code)).toEqual(['paged_by_offset', 'paged_by_offset']);
  });

  it('relative-link: a Link that is a path, resolved against the page and followed', async () => {
    const party = await cpo('2.2.1', ['relative-link']);
    const { pages, items } = await locationPages(await clientOf(party));
    expect(pages[0]?.headers.get('Link')).toMatch(/^<\/ocpi\/2\.2\.1\/[^>]*offset=5[^>]*>; rel="next"$/);
    expect(pages[1]?.url.startsWith(party.origin)).toBe(true);
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
  });
});

describe('extension-fields', () => {
  it('are stripped from what the client returns, and reported', async () => {
    const party = await cpo('2.2.1', ['extension-fields']);
    const client = await clientOf(party);
    const { items, issues } = await locationPages(client);
    expect(items).toHaveLength(LOCATIONS);
    for (const item of items) expect(item).not.toHaveProperty('x_simulated_note');
    const unknown = issues.filter((issue) => issue.path.endsWith('x_simulated_note'));
    expect(unknown).toHaveLength(LOCATIONS);
    expect(unknown[0]).toMatchObject({ code: 'unrecognized_keys', action: 'dropped' });
    expect(issues.filter((issue) => issue.path.endsWith('x_simulated_flags'))).toHaveLength(LOCATIONS);
  });

  it('are on single objects too', async () => {
    const party = await cpo('2.2.1', ['extension-fields']);
    const client = (await clientOf(party)) as OcpiClient<'lenient', 'strip'> & { version: '2.2.1' };
    const first = seeded('2.2.1')[0] as { id: string };
    const reports: ValidationReport[] = [];
    const location = await client.locations.sender.getLocation({
      params: { location_id: first.id },
      options: { onValidationIssues: (report) => reports.push(report) },
    });
    expect(location).not.toHaveProperty('x_simulated_note');
    expect(reports.flatMap((report) => report.issues.map((issue) => issue.path))).toContain(
      'x_simulated_note',
    );
  });
});

describe('null-optionals', () => {
  it('are read as absent, the items kept and the nulls reported', async () => {
    const party = await cpo('2.2.1', ['null-optionals']);
    const { items, issues } = await locationPages(await clientOf(party));
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
    for (const item of items) expect(Object.values(item)).not.toContain(null);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.action === 'dropped')).toBe(true);
  });

  it('are what the spec allows: strict mode keeps the items too', async () => {
    const party = await cpo('2.2.1', ['null-optionals']);
    const { items, pages, issues } = await locationPages(await clientOf(party), 'strict');
    expect(ids(items)).toEqual(ids(seeded('2.2.1')));
    expect(pages.every((page) => page.rejectedCount === 0)).toBe(true);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.action === 'dropped' && !issue.fatal)).toBe(true);
  });
});

describe('timestamps', () => {
  it('offset-timestamps: normalised to the same instants in UTC in lenient mode', async () => {
    const party = await cpo('2.2.1', ['offset-timestamps']);
    const { items, issues } = await locationPages(await clientOf(party));
    const seededItems = seeded('2.2.1');
    expect(items.map((item) => item.last_updated)).toEqual(seededItems.map((item) => item.last_updated));
    expect(issues.some((issue) => issue.action === 'normalised' && issue.path.endsWith('last_updated'))).toBe(
      true,
    );
  });

  it('offset-timestamps: every item refused in strict mode, with the field at fault', async () => {
    const party = await cpo('2.2.1', ['offset-timestamps']);
    const { items, pages } = await locationPages(await clientOf(party), 'strict');
    expect(items).toEqual([]);
    expect(pages.map((page) => page.rejectedCount)).toEqual([5, 5, 2]);
    const paths = pages[0]?.rejected[0]?.issues.map((issue) => issue.path);
    expect(paths).toContain('last_updated');
  });

  it('local-timestamps: a DateTime without Z is UTC to OCPI, accepted in either mode', async () => {
    const party = await cpo('2.2.1', ['local-timestamps']);
    const client = await clientOf(party);
    const lenient = await locationPages(client);
    const strict = await locationPages(client, 'strict');
    const expected = seeded('2.2.1').map((item) => String(item.last_updated).replace(/Z$/, ''));
    expect(lenient.items.map((item) => item.last_updated)).toEqual(expected);
    expect(strict.items.map((item) => item.last_updated)).toEqual(expected);
  });
});

describe('invalid-item', () => {
  it('costs one item per page, left out with its path, the rest kept', async () => {
    const party = await cpo('2.2.1', ['invalid-item']);
    const { pages, items, issues } = await locationPages(await clientOf(party));
    // The middle item of each page: 2 of 5, 2 of 5, 1 of 2.
    expect(pages.map((page) => page.rejected.map((rejected) => rejected.index))).toEqual([[2], [2], [1]]);
    const all = seeded('2.2.1');
    const lost = [all[2], all[7], all[11]].map((item) => item?.id);
    expect(ids(items)).toEqual(ids(all).filter((id) => !lost.includes(id)));
    expect(pages[0]?.rejected[0]?.id).toBe(lost[0]);
    expect(issues.filter((issue) => issue.fatal).map((issue) => issue.path)).toEqual([
      '[2].last_updated',
      '[2].last_updated',
      '[1].last_updated',
    ]);
  });

  it('ends a sync without a listener in an OcpiRejectedItemsError, so that no item is lost unseen', async () => {
    const party = await cpo('2.2.1', ['invalid-item']);
    const client = (await clientOf(party)) as OcpiClient<'lenient', 'strip'> & { version: '2.2.1' };
    await expect(client.locations.sender.list().toArray({ limit: 100 })).rejects.toMatchObject({
      name: 'OcpiRejectedItemsError',
    });
  });
});

describe('version-2.1', () => {
  it('lists 2.1.1 as 2.1, which connect and register read as 2.1.1', async () => {
    const party = await cpo('2.1.1', ['version-2.1']);
    const response = await fetch(party.versionsUrl, { headers: { Authorization: `Token ${party.tokenA}` } });
    const body = (await response.json()) as { data: { version: string }[] };
    expect(body.data.map((entry) => entry.version)).toEqual(['2.1']);
    const client = await clientOf(party);
    expect(client.version).toBe('2.1.1');
    const { items } = await locationPages(client);
    expect(items).toHaveLength(LOCATIONS);
    const ours = await ourParty('2.1.1');
    const record = await register({
      config: registrationConfig(ours.config),
      partnerId: 'cpo',
      versionsUrl: party.versionsUrl,
      tokenA: party.tokenA,
    });
    expect(record).toMatchObject({ status: 'registered', version: '2.1.1' });
  });
});

describe('non-ascii', () => {
  it('keeps the text and reports it in lenient mode', async () => {
    const party = await cpo('2.1.1', ['non-ascii']);
    const { items, issues } = await locationPages(await clientOf(party));
    expect(items).toHaveLength(LOCATIONS);
    expect(String(items[0]?.address)).toMatch(/[^\x20-\x7E]/);
    const kept = issues.filter((issue) => issue.action === 'kept' && issue.path.endsWith('address'));
    expect(kept).toHaveLength(LOCATIONS);
  });

  it('refuses every item in strict mode', async () => {
    const party = await cpo('2.1.1', ['non-ascii']);
    const { items, pages } = await locationPages(await clientOf(party), 'strict');
    expect(items).toEqual([]);
    expect(pages.map((page) => page.rejectedCount)).toEqual([5, 5, 2]);
  });
});

describe('raw-tokens', () => {
  it('calls back and posts results with the token as is, which our handler accepts by default', async () => {
    const party = await cpo('2.2.1', ['raw-tokens']);
    const ours = await ourParty('2.2.1');
    const record = await register({
      config: registrationConfig(ours.config),
      partnerId: 'cpo',
      versionsUrl: party.versionsUrl,
      tokenA: party.tokenA,
    });
    // The party fetched our versions and details with token B, as is.
    expect(ours.authorizations).toContain(`Token ${record.incomingToken}`);
    expect(ours.authorizations).not.toContain(`Token ${btoa(record.incomingToken)}`);

    const client = partnerClient({ config: registrationConfig(ours.config), record });
    if (client.version !== '2.2.1') throw new Error('2.2.1 expected');
    const token = seedEmsp221({ emsp: DEFAULT_PARTIES.EMSP, tokens: 1 }).tokens[0];
    const responseUrl = commandResponseUrl(ours.config.baseUrl, '2.2.1', 'START_SESSION');
    const answer = await client.commands.receiver.startSession({
      body: {
        response_url: responseUrl,
        token: token as never,
        location_id: String(seeded('2.2.1')[0]?.id),
      },
    });
    expect(answer.result).toBe('ACCEPTED');
    await party.settled();
    expect(ours.results).toEqual([{ result: 'ACCEPTED' }]);
    expect(ours.authorizations.at(-1)).toBe(`Token ${record.incomingToken}`);
  });

  it('fails the handshake with a partner that takes Base64 only', async () => {
    const party = await cpo('2.2.1', ['raw-tokens']);
    const ours = await ourParty('2.2.1', 'base64');
    await expect(
      register({
        config: registrationConfig(ours.config),
        partnerId: 'cpo',
        versionsUrl: party.versionsUrl,
        tokenA: party.tokenA,
      }),
    ).rejects.toThrow();
    expect(ours.statuses).toContain(401);
  });
});

describe('fault names', () => {
  it('refuses unknown ones, those of the other version, and both timestamp styles', async () => {
    const make = (version: Version, faults: readonly string[]) =>
      simulatedCpo({ version, baseUrl: 'http://127.0.0.1:1/ocpi', faults: faults as FaultName[] });
    await expect(make('2.2.1', ['slow'])).rejects.toThrow(
      /unknown fault "slow"; known: latency, busy-bursts/,
    );
    await expect(make('2.1.1', ['raw-tokens'])).rejects.toThrow(/raw-tokens .* 2\.2\.1 parties only/);
    await expect(make('2.2.1', ['non-ascii'])).rejects.toThrow(/non-ascii .* 2\.1\.1 parties only/);
    await expect(make('2.2.1', ['local-timestamps', 'offset-timestamps'])).rejects.toThrow(
      /exclude each other/,
    );
  });
});

/**
 * Our own party, made with the SDK's handler and served on 127.0.0.1: what it was sent (the
 * Authorization headers, command results) is recorded.
 */
async function ourParty(version: Version, acceptTokenEncoding: 'both' | 'base64' = 'both') {
  const authorizations: string[] = [];
  const statuses: number[] = [];
  const results: unknown[] = [];
  let handle: ((request: Request) => Promise<Response>) | undefined;
  const server = createServer(
    toNodeListener(async (request) => {
      authorizations.push(request.headers.get('Authorization') ?? '');
      const response = handle ? await handle(request) : new Response(null, { status: 503 });
      statuses.push(response.status);
      return response;
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi`;
  const party = DEFAULT_PARTIES.EMSP;
  const details = { name: party.name };
  const postResult = ({ body }: { body: unknown }) => {
    results.push(body);
  };
  const config: OcpiHandlerConfig = {
    store: new InMemoryPartnerStore(),
    baseUrl,
    allowPartnerUrl: loopback,
    acceptTokenEncoding,
    versions: [
      version === '2.2.1'
        ? v221.serveVersion({
            roles: [
              {
                role: 'EMSP',
                country_code: party.countryCode,
                party_id: party.partyId,
                business_details: details,
              },
            ],
            modules: { commands: { sender: { postResult } } },
          })
        : v211.serveVersion({
            country_code: party.countryCode,
            party_id: party.partyId,
            business_details: details,
            modules: { commands: { emsp: { postResult } } },
          }),
    ],
  };
  handle = createOcpiHandler(config);
  open.push({
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return { config, authorizations, statuses, results };
}
