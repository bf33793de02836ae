// The answering side, in process: requests per second of `createOcpiHandler` serving a page of 50 2.2.1
// Locations, against a bare `Response.json` of the same page (what any server pays to answer at all).
// Every case gets a new `Request` and reads the answer's body as text, as a server sends it. The
// handler's cases: answers unchecked (the default) and `checkAnswers` (every item held to the spec
// before it is sent). Measured on the built package (`npm run build` first; `npm run bench` does).
// Each case is warmed up, then timed in rounds that take turns with the other cases; the ratio is the
// median over rounds of the case's time over the bare case's time in the same round. Reports speed,
// asserts nothing; checks what each case answered before timing.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type * as Root from '../src';
import type * as V221 from '../src/v221';
import { envelope, listId, location221 } from './client-server';
import { median, printTable } from './report';

const DIST_ROOT = '../dist/index.js';
const DIST_V221 = '../dist/v221/index.js';
const notBuilt = () => {
  throw new Error('bench/handler.ts measures the built package: run `npm run build` first');
};
const { createOcpiHandler, InMemoryPartnerStore } = (await import(DIST_ROOT).catch(notBuilt)) as typeof Root;
const { serveVersion } = (await import(DIST_V221).catch(notBuilt)) as typeof V221;

const PAGE_SIZE = 50;
const TOTAL = 10_000;
const WARM_UP = 2_000;
const CHUNK = 500;
const ROUNDS = 12;
const BASE = 'https://cpo.example.com/ocpi';
const TOKEN = 'bench-token-c';

const locations = Array.from({ length: TOTAL }, (_, index) => location221(listId(index))) as V221.Location[];
const store = new InMemoryPartnerStore();
await store.save({
  id: 'emsp',
  status: 'registered',
  incomingToken: TOKEN,
  roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'eMSP' } }],
});

const handler = (checkAnswers: boolean) =>
  createOcpiHandler({
    store,
    baseUrl: BASE,
    checkAnswers,
    versions: [
      serveVersion({
        roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'CPO' } }],
        modules: {
          locations: {
            sender: {
              list: ({ query }) => ({
                items: locations.slice(query.offset, query.offset + query.limit),
                total: locations.length,
              }),
            },
          },
        },
      }),
    ],
  });

const url = `${BASE}/2.2.1/sender/locations?offset=500&limit=${PAGE_SIZE}`;
const headers = {
  Authorization: `Token ${btoa(TOKEN)}`,
  'X-Request-ID': 'bench-request',
  'X-Correlation-ID': 'bench-correlation',
  'OCPI-from-country-code': 'NL',
  'OCPI-from-party-id': 'EMS',
};
const request = () => new Request(url, { headers });
const page = locations.slice(500, 500 + PAGE_SIZE);
const pageEnvelope = JSON.parse(envelope(page)) as unknown;

interface Case {
  name: string;
  serve: (request: Request) => Promise<Response> | Response;
}

const unchecked = handler(false);
const checked = handler(true);
const cases: Case[] = [
  {
    name: 'bare Response.json of the page',
    serve: () => Response.json(pageEnvelope),
  },
  { name: 'createOcpiHandler, answers unchecked', serve: unchecked },
  { name: 'createOcpiHandler, checkAnswers', serve: checked },
];

// Checked before anything is timed: every case answers the same page.
const expectedIds = page.map((location) => location.id);
for (const entry of cases) {
  const body = JSON.parse(await (await entry.serve(request())).text()) as { data?: { id: string }[] };
  const ids = body.data?.map((location) => location.id);
  if (JSON.stringify(ids) !== JSON.stringify(expectedIds)) throw new Error(`${entry.name}: got ${ids}`);
}

let sink = 0;
async function batch(entry: Case, count: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    sink += (await (await entry.serve(request())).text()).length;
  }
  return performance.now() - started;
}

for (const entry of cases) await batch(entry, WARM_UP);
const times = new Map<Case, number[]>(cases.map((entry) => [entry, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const entry of cases) times.get(entry)?.push(await batch(entry, CHUNK));
}
if (sink === 0) throw new Error('nothing was served');

const [bare] = cases;
const bareTimes = (bare && times.get(bare)) ?? [];
console.log(
  `\nOCPI 2.2.1 handler in process, a page of ${PAGE_SIZE} Locations (node ${process.version}, ` +
    `${cpus()[0]?.model}, ${cpus().length} cores); ${WARM_UP} warm-up requests per case, then ${ROUNDS} ` +
    `rounds of ${CHUNK} taking turns; ratio = time / the bare case's time in the same round (median)\n`,
);
printTable(
  ['case', 'requests/s', 'µs/request', 'vs bare Response.json'],
  cases.map((entry) => {
    const own = times.get(entry) ?? [];
    const ms = median(own);
    const ratio = median(own.map((time, round) => time / (bareTimes[round] ?? Number.NaN)));
    return [
      entry.name,
      ((CHUNK * 1000) / ms).toFixed(0),
      ((ms * 1000) / CHUNK).toFixed(0),
      `${ratio.toFixed(2)}×`,
    ];
  }),
);
