// The 2.2.1 client over real HTTP, against a partner's server on 127.0.0.1 (bench/client-server.ts, a
// child process on an ephemeral port, closed at the end, so that its CPU time and heap are not the
// client's):
//
// 1. Overhead against raw fetch: 2,000 GETs of one Location, one at a time and 8 in flight, by
//    `fetch` + `response.json()` and by `client.locations.sender.getLocation()` (validation `off`, which
//    still checks the envelope and status code; `lenient` for information); and 2,000 GETs of a page of
//    50 Locations (≈14 KB), raw, by ky alone (the floor of any client on ky) and as the client's first
//    page of a list (validation `off`: the target of issue #13, within 1.10x of raw fetch of the same
//    request), and raw fetch of that page with the client's headers (the same request on the wire), then
//    with its timeout too (the same request with the same care: the target's baseline, since the 2.2.1
//    headers are required and cost the same to any client that conforms), and that request read as a
//    hand-written client would read a page (envelope code, `X-Total-Count`, `Link`). The server's answer is the
//    same bytes for every case. Each case is warmed up; then in each round every case sends its 2,000 GETs
//    in chunks that take turns with the other cases' in a new random order each time (the machine is shared:
//    load hits all cases alike, and no case always follows the same one),
//    and the ratio is the median over rounds of the case's time over raw fetch's time in the same round.
// 2. Memory of `for await (const location of client.locations.sender.list())` over 1,000 Locations
//    (20 pages of 50) and over 100,000 (2,000 pages), the server making each page from its offset. Two
//    passes each, after a warm-up, both sampling `heapUsed` after every item: one with GC left to V8 (the
//    peak a user sees, which depends on when V8 collects: the GCs it made are counted; 1,000 Locations
//    take no GC at all, so their peak is all they allocated); one with a full GC forced after every page,
//    the same for any length of list, whose peak is what one page needs on top of what the iteration keeps
//    alive, and whose samples right after each GC (live) show any growth with the number of pages. The
//    target compares the peaks of the second pass.
//
// Needs `--expose-gc` (`tsx --expose-gc bench/client.ts`). Checks what the client got before timing and
// throws if it is wrong; reports speed and memory, asserts nothing.
import { type ChildProcess, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import ky from 'ky';
import type * as V221 from '../src/v221';
import { envelope, listId, location221, SERVE_ARG, type ServerStats, SINGLE_ID } from './client-server';
import { median, printTable } from './report';

// What users get: the built package (run `npm run build` first; `npm run bench` does), not the sources.
const DIST_V221 = '../dist/v221/index.js';
const { createClient } = (await import(DIST_V221).catch(() => {
  throw new Error('bench/client.ts measures the built package: run `npm run build` first');
})) as typeof V221;
type Client221 = V221.Client221;

const GETS = 2_000;
const WARM_UP_GETS = 1_000;
/** Each round's GETS of a case are sent in chunks of this many, taking turns with the other cases. */
const CHUNK = 200;
const ROUNDS = 5;
const PAGE_SIZE = 50;
/** The list the page GETs of part 1 read from, and where in it. */
const PAGE_LIST_TOTAL = 100_000;
const PAGE_OFFSET = 500;
const LIST_TOTALS = [1_000, 100_000] as const;
const TOKEN = 'bench-token';
const FROM = { countryCode: 'NL', partyId: 'EMS' };
const TARGET_RATIO = 1.1;
const MB = 1024 * 1024;
/** "Within a few MB" of the memory target. */
const FEW_MB = 3 * MB;

/** What the client sent in all, to compare with the server's own count. */
const sent = { single: 0, pages: 0 };

let sink: unknown;

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with --expose-gc: tsx --expose-gc bench/client.ts');
const gc = collect;

async function run(origin: string): Promise<void> {
  const started = performance.now();
  const overhead = await measureOverhead(origin);
  const memory = await measureMemory(origin);
  report(origin, overhead, memory, performance.now() - started);
}

// --- 1. Overhead against raw fetch ---

interface HttpCase {
  name: string;
  concurrency: number;
  /** The raw fetch case of the same concurrency; none for a raw fetch case itself. */
  baseline?: HttpCase;
  /** Reported beside the target, or for information only. */
  role: 'baseline' | 'target' | 'info';
  call: () => Promise<unknown>;
  /** What the server counts these GETs as: single Locations (default) or pages. */
  serves?: 'pages';
}

interface OverheadResult {
  cases: HttpCase[];
  times: Map<HttpCase, number[]>;
  /** Raw fetch of a page with the client's own headers: the same request on the wire as the target's. */
  samePageHeaders: HttpCase;
  /** The same, with a timeout signal as the client's: the same request with the same care. */
  samePageRequest: HttpCase;
  /** That request read as a hand-written client reads a page. */
  handWritten: HttpCase;
}

async function measureOverhead(origin: string): Promise<OverheadResult> {
  const url = `${origin}/ocpi/cpo/2.2.1/locations/${SINGLE_ID}`;
  const endpoints = [
    { identifier: 'locations', role: 'SENDER', url: `${origin}/ocpi/cpo/2.2.1/locations` },
  ] as const;
  const listUrl = `${origin}/list/${PAGE_LIST_TOTAL}/locations`;
  const page = { offset: PAGE_OFFSET, limit: PAGE_SIZE };
  const pageUrl = `${listUrl}?offset=${page.offset}&limit=${page.limit}`;
  const clientOff = client(endpoints, 'off');
  const pagesOff = client([{ identifier: 'locations', role: 'SENDER', url: listUrl }], 'off');
  const clientLenient = client(endpoints, 'lenient');
  const authorization = `Token ${Buffer.from(TOKEN).toString('base64')}`;
  const rawHeaders = { Authorization: authorization, Accept: 'application/json' };
  // What the client sends on a Locations GET: the token, Accept, two fresh ids and our party.
  const clientHeaders = () => ({
    ...rawHeaders,
    'X-Request-ID': crypto.randomUUID(),
    'X-Correlation-ID': crypto.randomUUID(),
    'OCPI-from-country-code': FROM.countryCode,
    'OCPI-from-party-id': FROM.partyId,
  });
  const http = ky.create({ timeout: 30_000, retry: { limit: 0 } });

  const rawFetch = async (headers: Record<string, string>, target = url) => {
    const response = await fetch(target, { headers });
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
    return response.json();
  };
  // What a careful hand-written 2.2.1 client sends: the required headers, and a timeout that aborts the
  // request (so that a partner that never answers does not hold a socket), cleared once the answer starts.
  const fetchWithTimeout = async (headers: Record<string, string>, target: string) => {
    const timer = new AbortController();
    const timeoutId = setTimeout(() => timer.abort(), 30_000);
    let response: Response;
    try {
      response = await fetch(target, { headers, signal: timer.signal });
    } finally {
      clearTimeout(timeoutId);
    }
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
    return response;
  };
  const rawFetchWithTimeout = async (headers: Record<string, string>, target: string) =>
    (await fetchWithTimeout(headers, target)).json();
  // The same request read as a hand-written 2.2.1 client would read a page: the envelope's status code
  // and the paging headers (`X-Total-Count`, the `Link` target), which the client reads too.
  const handWrittenPage = async () => {
    const response = await fetchWithTimeout(clientHeaders(), pageUrl);
    const body = (await response.json()) as { status_code?: unknown; data?: unknown };
    if (body.status_code !== 1000 || !Array.isArray(body.data)) throw new Error('hand-written: not a page');
    const link = /^<([^>]*)>/.exec(response.headers.get('Link') ?? '')?.[1];
    return {
      items: body.data,
      totalCount: Number(response.headers.get('X-Total-Count')),
      nextUrl: link === undefined ? undefined : new URL(link, pageUrl).href,
    };
  };
  const calls = {
    raw: () => rawFetch(rawHeaders),
    rawClientHeaders: () => rawFetch(clientHeaders()),
    ky: () => http(url, { headers: clientHeaders() }).json(),
    off: () => clientOff.locations.sender.getLocation({ params: { location_id: SINGLE_ID } }),
    lenient: () => clientLenient.locations.sender.getLocation({ params: { location_id: SINGLE_ID } }),
    rawPage: () => rawFetch(rawHeaders, pageUrl),
    rawPageClientHeaders: () => rawFetch(clientHeaders(), pageUrl),
    rawPageSameRequest: () => rawFetchWithTimeout(clientHeaders(), pageUrl),
    handWrittenPage: async () => (await handWrittenPage()).items,
    kyPage: () => http(pageUrl, { headers: clientHeaders() }).json(),
    pageOff: async () => (await pagesOff.locations.sender.list({ query: page })).items,
  };

  // Checked before anything is timed: every way gets the same Location.
  const expected = JSON.parse(envelope(location221(SINGLE_ID))) as { data: unknown };
  const check = (name: string, value: unknown) => {
    if (!isDeepStrictEqual(value, expected.data)) throw new Error(`${name}: got ${JSON.stringify(value)}`);
  };
  check('raw fetch', ((await calls.raw()) as { data: unknown }).data);
  check('raw fetch with the client headers', ((await calls.rawClientHeaders()) as { data: unknown }).data);
  check('ky', ((await calls.ky()) as { data: unknown }).data);
  check('client, validation off', await calls.off());
  check('client, validation lenient', await calls.lenient());
  sent.single += 5;
  const expectedIds = Array.from({ length: PAGE_SIZE }, (_, index) => listId(PAGE_OFFSET + index));
  const checkPage = (name: string, items: unknown) => {
    const ids = (items as { id: string }[]).map((item) => item.id);
    if (!isDeepStrictEqual(ids, expectedIds)) throw new Error(`${name}: got ${ids.join(', ')}`);
  };
  checkPage('raw fetch of a page', ((await calls.rawPage()) as { data: unknown }).data);
  checkPage(
    'raw fetch of a page with the client headers',
    ((await calls.rawPageClientHeaders()) as { data: unknown }).data,
  );
  checkPage(
    'raw fetch of a page with the client headers and a timeout',
    ((await calls.rawPageSameRequest()) as { data: unknown }).data,
  );
  checkPage('ky, a page', ((await calls.kyPage()) as { data: unknown }).data);
  checkPage('a hand-written page read', await calls.handWrittenPage());
  checkPage('client, first page of a list', await calls.pageOff());
  sent.pages += 6;

  // One at a time: the target, lenient, and two steps from raw fetch to the client (raw fetch with the
  // client's headers; ky with its headers and options), to show where the time goes. 8 in flight: the target.
  const sequential: HttpCase = {
    name: 'raw fetch + response.json()',
    concurrency: 1,
    role: 'baseline',
    call: calls.raw,
  };
  const parallel: HttpCase = { ...sequential, concurrency: 8 };
  const rawPage: HttpCase = {
    name: 'raw fetch + json(), a page of 50',
    concurrency: 1,
    role: 'baseline',
    call: calls.rawPage,
    serves: 'pages',
  };
  // The same request as the client's on the wire: what any 2.2.1 client pays before it does anything.
  const rawPageWithHeaders: HttpCase = {
    name: "raw fetch + json(), a page of 50, the client's headers",
    concurrency: 1,
    baseline: rawPage,
    role: 'info',
    call: calls.rawPageClientHeaders,
    serves: 'pages',
  };
  // The same request and the same care: the required headers and a timeout signal (see rawFetchWithTimeout).
  const rawPageSameRequest: HttpCase = {
    name: "raw fetch + json(), a page of 50, the client's headers and timeout",
    concurrency: 1,
    baseline: rawPage,
    role: 'info',
    call: calls.rawPageSameRequest,
    serves: 'pages',
  };
  const handWritten: HttpCase = {
    name: 'hand-written page read: the same request, envelope code, X-Total-Count, Link',
    concurrency: 1,
    baseline: rawPage,
    role: 'info',
    call: calls.handWrittenPage,
    serves: 'pages',
  };
  const cases: HttpCase[] = [
    sequential,
    {
      name: "raw fetch + json(), the client's headers",
      concurrency: 1,
      baseline: sequential,
      role: 'info',
      call: calls.rawClientHeaders,
    },
    {
      name: "ky + json(), the client's headers and options",
      concurrency: 1,
      baseline: sequential,
      role: 'info',
      call: calls.ky,
    },
    {
      name: 'client getLocation, validation off',
      concurrency: 1,
      baseline: sequential,
      role: 'info',
      call: calls.off,
    },
    {
      name: 'client getLocation, validation lenient',
      concurrency: 1,
      baseline: sequential,
      role: 'info',
      call: calls.lenient,
    },
    parallel,
    {
      name: 'client getLocation, validation off',
      concurrency: 8,
      baseline: parallel,
      role: 'info',
      call: calls.off,
    },
    rawPage,
    rawPageWithHeaders,
    rawPageSameRequest,
    handWritten,
    {
      name: "ky + json(), a page of 50, the client's headers",
      concurrency: 1,
      baseline: rawPage,
      role: 'info',
      call: calls.kyPage,
      serves: 'pages',
    },
    {
      name: 'client list, first page of 50, validation off',
      concurrency: 1,
      baseline: rawPage,
      role: 'target',
      call: calls.pageOff,
      serves: 'pages',
    },
  ];

  for (const entry of cases) await batch(entry, WARM_UP_GETS);
  const times = new Map<HttpCase, number[]>(cases.map((entry) => [entry, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const total = new Map<HttpCase, number>(cases.map((entry) => [entry, 0]));
    for (let chunk = 0; chunk < GETS / CHUNK; chunk++) {
      // In a new order each time: a case that always followed the same one would pay for what that one
      // leaves behind (garbage to collect, a socket state), and a rotation keeps every case's neighbour.
      for (const entry of shuffled(cases)) {
        total.set(entry, (total.get(entry) ?? 0) + (await batch(entry, CHUNK)));
      }
    }
    for (const entry of cases) times.get(entry)?.push(total.get(entry) ?? Number.NaN);
  }
  if (sink === undefined) throw new Error('nothing was run');
  return {
    cases,
    times,
    samePageHeaders: rawPageWithHeaders,
    samePageRequest: rawPageSameRequest,
    handWritten,
  };
}

/** A copy of `items` in random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Sends `count` GETs, `concurrency` at a time, and returns the time in ms. */
async function batch(entry: HttpCase, count: number): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      sink = await entry.call();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: entry.concurrency }, worker));
  const ms = performance.now() - start;
  sent[entry.serves ?? 'single'] += count;
  return ms;
}

// --- 2. Memory of iterating a long list ---

interface MemoryRun {
  mode: 'off' | 'lenient';
  total: number;
  ms: number;
  /** The highest `heapUsed` sampled after an item, above the baseline, GC left to V8 (bytes). */
  peak: number;
  /** The collections V8 made during the peak pass. */
  gcs: GcCounts;
  /** The highest `heapUsed` sampled after an item, above the baseline, with a full GC after every page. */
  pagePeak: number;
  /** `heapUsed` right after the GC forced after each page, above the baseline (bytes). */
  live: Float64Array;
  /** `heapUsed` after the loop and a forced GC, the client still referenced, above the baseline (bytes). */
  after: number;
}

interface GcCounts {
  /** Scavenges of the young generation. */
  minor: number;
  /** Mark-compacts of the whole heap (incremental marking included). */
  major: number;
}

/** The GCs seen during the current peak pass: when each started, and its kind. */
let gcEntries: { startTime: number; kind: number | undefined }[] = [];
/** Off in the forced-GC pass, whose hundreds of GC entries would otherwise add to the heap it measures. */
let recordGcs = false;
const gcObserver = new PerformanceObserver((list) => {
  if (!recordGcs) return;
  for (const entry of list.getEntries()) {
    const kind = (entry as { detail?: { kind?: number } | null }).detail?.kind;
    gcEntries.push({ startTime: entry.startTime, kind });
  }
});

/**
 * Full GCs with turns of the event loop between them, so that what waits for a finalizer callback (e.g.
 * the bodies fetch registers) is freed too, and V8 drops the bytecode of functions no longer run (what
 * the earlier parts ran); otherwise either would show as the heap shrinking during the next pass.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  gc();
}

/** The GCs that started between `from` and `to` (performance.now() times). */
async function gcsBetween(from: number, to: number): Promise<GcCounts> {
  // GC entries are delivered on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const within = gcEntries.filter((entry) => entry.startTime >= from && entry.startTime <= to);
  const count = (...kinds: number[]) => within.filter((entry) => kinds.includes(entry.kind ?? -1)).length;
  return {
    minor: count(constants.NODE_PERFORMANCE_GC_MINOR),
    major: count(constants.NODE_PERFORMANCE_GC_MAJOR, constants.NODE_PERFORMANCE_GC_INCREMENTAL),
  };
}

async function measureMemory(origin: string): Promise<MemoryRun[]> {
  const runs: MemoryRun[] = [];
  gcObserver.observe({ entryTypes: ['gc'] });
  for (const mode of ['lenient', 'off'] as const) {
    // Warm-up: the code paths compiled and the schemas' first-use work done before any baseline.
    await iterate(origin, mode, 1_000, false);
    await iterate(origin, mode, 1_000, true);
    for (const total of LIST_TOTALS) {
      const peak = await iterate(origin, mode, total, false);
      const live = await iterate(origin, mode, total, true);
      runs.push({
        mode,
        total,
        ms: peak.ms,
        peak: peak.peak,
        gcs: peak.gcs,
        pagePeak: live.peak,
        live: live.live,
        after: live.after,
      });
    }
  }
  gcObserver.disconnect();
  return runs;
}

async function iterate(origin: string, mode: 'off' | 'lenient', total: number, forceGc: boolean) {
  const endpoints = [
    { identifier: 'locations', role: 'SENDER', url: `${origin}/list/${total}/locations` },
  ] as const;
  const locations = client(endpoints, mode).locations.sender.list();
  // Allocated before the baseline, so that recording a sample does not grow the heap being measured.
  const live = new Float64Array(forceGc ? total / PAGE_SIZE : 0);
  await settle();
  const baseline = process.memoryUsage().heapUsed;
  recordGcs = !forceGc;
  let peak = 0;
  let count = 0;
  const start = performance.now();
  for await (const location of locations) {
    // Checked as it goes, without holding the ids: every Location, in order, with its fields.
    if (location.id !== listId(count) || location.city !== 'Utrecht') {
      throw new Error(`${mode} ${total}: item ${count} is ${JSON.stringify(location)}`);
    }
    count++;
    // heapUsed, without process.memoryUsage()'s read of the RSS from /proc on every item.
    peak = Math.max(peak, getHeapStatistics().used_heap_size - baseline);
    if (forceGc && count % PAGE_SIZE === 0) {
      gc();
      live[count / PAGE_SIZE - 1] = getHeapStatistics().used_heap_size - baseline;
    }
  }
  const end = performance.now();
  const ms = end - start;
  const gcs = await gcsBetween(start, end);
  recordGcs = false;
  gcEntries = [];
  if (count !== total) throw new Error(`${mode}: the iteration saw ${count} Locations, not ${total}`);
  sent.pages += total / PAGE_SIZE;
  await settle();
  const after = process.memoryUsage().heapUsed - baseline;
  sink = locations;
  return { ms, peak, gcs, live, after };
}

// --- Report ---

function report(origin: string, overhead: OverheadResult, memory: MemoryRun[], totalMs: number): void {
  const { cases, times, samePageHeaders, samePageRequest, handWritten } = overhead;
  const ratios = (entry: HttpCase, baseline = entry.baseline) => {
    const own = times.get(entry) ?? [];
    const base = baseline ? (times.get(baseline) ?? []) : own;
    return own.map((ms, round) => ms / (base[round] ?? Number.NaN));
  };
  console.log(
    `\nOCPI 2.2.1 client vs raw fetch: ${GETS.toLocaleString('en')} GETs per case (one Location, or a page of ${PAGE_SIZE}) from ${origin} ` +
      `(node ${process.version}, ${cpus()[0]?.model}, ${cpus().length} cores)`,
  );
  console.log(
    `server in a child process; ${WARM_UP_GETS} warm-up GETs per case, then ${ROUNDS} rounds of ${GETS} GETs ` +
      `per case sent in chunks of ${CHUNK}, taking turns across cases in a random order; ms = median round; ` +
      'ratio = time / raw fetch time in the same round, median over rounds (and min–max). On a shared ' +
      "machine compare ratios within one run, not absolute times: others' load moves both sides alike\n",
  );
  printTable(
    ['case', 'in flight', 'ms', 'µs/GET', 'rounds ms', 'vs raw fetch', 'ratio min–max'],
    cases.map((entry) => {
      const own = times.get(entry) ?? [];
      const ms = median(own);
      const r = ratios(entry);
      return [
        entry.name,
        String(entry.concurrency),
        ms.toFixed(0),
        ((ms * 1000) / GETS).toFixed(0),
        `${Math.min(...own).toFixed(0)}–${Math.max(...own).toFixed(0)}`,
        `${median(r).toFixed(3)}×`,
        entry.baseline ? `${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)}` : '',
      ];
    }),
  );
  for (const entry of cases.filter((c) => c.role === 'target')) {
    // Judged against raw fetch of the same request: the headers 2.2.1 requires on every functional call
    // and a timeout are what any conforming, careful client sends, and they cost what they cost on the
    // wire and in the server (the "client's headers and timeout" row against bare raw fetch).
    const ratio = median(ratios(entry, samePageRequest));
    const what = entry.serves === 'pages' ? `a page of ${PAGE_SIZE} Locations` : 'one Location';
    console.log(
      `overhead, ${what}, validation off, ${entry.concurrency} in flight: ${ratio.toFixed(3)}× raw fetch of ` +
        `the same request, its headers and timeout (target ≤ ${TARGET_RATIO.toFixed(2)}×: ` +
        `${ratio <= TARGET_RATIO ? 'within' : 'over'}); ${median(ratios(entry, samePageHeaders)).toFixed(3)}× ` +
        `raw fetch with its headers; ${median(ratios(entry)).toFixed(3)}× bare raw fetch (Authorization and ` +
        `Accept only, no timeout), of which that request alone is ${median(ratios(samePageRequest)).toFixed(3)}× ` +
        `and a hand-written page read of it ${median(ratios(handWritten)).toFixed(3)}×`,
    );
  }

  console.log(
    `\nfor await over client.locations.sender.list(): pages of ${PAGE_SIZE} made on the fly by the server; ` +
      'heap = process.memoryUsage().heapUsed above the baseline taken after gc() before the loop',
  );
  console.log(
    'peak V8: sampled after every item, GC left to V8 (one pass); peak GC/page: sampled after every item, ' +
      'a full gc() forced after every page (another pass); live: right after each of those GCs; growth 2nd ' +
      'half: live last - live at the middle page; after: after the loop and gc(); MB = 2^20 bytes\n',
  );
  printTable(
    [
      'validation',
      'Locations',
      'pages',
      'ms',
      'peak V8 MB',
      'GCs minor/major',
      'peak GC/page MB',
      'live first',
      'live last',
      'live max',
      'growth 2nd half',
      'after MB',
    ],
    memory.map((entry) => [
      entry.mode,
      entry.total.toLocaleString('en'),
      String(entry.total / PAGE_SIZE),
      entry.ms.toFixed(0),
      mib(entry.peak),
      `${entry.gcs.minor}/${entry.gcs.major}`,
      mib(entry.pagePeak),
      mib(entry.live[0] ?? Number.NaN),
      mib(entry.live.at(-1) ?? Number.NaN),
      mib(Math.max(...entry.live)),
      mib(secondHalfGrowth(entry)),
      mib(entry.after),
    ]),
  );
  for (const mode of ['lenient', 'off'] as const) {
    const [small, large] = LIST_TOTALS.map((total) =>
      memory.find((entry) => entry.mode === mode && entry.total === total),
    );
    if (!small || !large) continue;
    const pages = large.total / PAGE_SIZE;
    const difference = large.pagePeak - small.pagePeak;
    console.log(
      `validation ${mode}: peak heap with a GC per page ${mib(small.pagePeak)} MB for ` +
        `${small.total.toLocaleString('en')} Locations vs ${mib(large.pagePeak)} MB for ` +
        `${large.total.toLocaleString('en')}, difference ${mib(difference)} MB (target: flat, within ` +
        `${mib(FEW_MB)} MB: ${Math.abs(difference) <= FEW_MB ? 'within' : 'over'})`,
    );
    console.log(
      `  with GC left to V8: ${mib(small.peak)} vs ${mib(large.peak)} MB (V8 lets garbage build up between ` +
        `collections; ${small.total.toLocaleString('en')} Locations end before the first)`,
    );
    console.log(
      `  live heap max ${mib(Math.max(...small.live))} vs ${mib(Math.max(...large.live))} MB; over the last ` +
        `${pages / 2} of the ${pages} pages it grew ${mib(secondHalfGrowth(large))} MB ` +
        `(${(secondHalfGrowth(large) / (pages / 2)).toFixed(0)} bytes a page)`,
    );
  }
  console.log(`\n(client benchmark: ${(totalMs / 1000).toFixed(1)} s)`);
}

// --- Helpers ---

function client(endpoints: Client221['endpoints'], validation: 'off' | 'lenient'): Client221 {
  return createClient({ token: TOKEN, endpoints, from: FROM, validation, retry: { limit: 0 } });
}

interface Server {
  origin: string;
  close: () => Promise<ServerStats>;
}

/** Starts bench/client-server.ts as a child process and waits for its port. */
function startServer(): Promise<Server> {
  const child = fork(new URL('./client-server.ts', import.meta.url), [SERVE_ARG], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) =>
      reject(new Error(`the bench server exited (${code}) before listening`));
    child.once('error', reject);
    child.once('exit', failed);
    child.once('message', (message) => {
      child.off('exit', failed);
      const port = (message as { port?: unknown }).port;
      if (typeof port !== 'number') {
        child.kill();
        reject(new Error(`the bench server said ${JSON.stringify(message)}`));
        return;
      }
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => closeServer(child) });
    });
  });
}

/** Asks the server to close, and returns what it served once it has exited. */
function closeServer(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve, reject) => {
    let stats: ServerStats | undefined;
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('message', (message) => {
      stats = (message as { stats?: ServerStats }).stats;
    });
    child.once('exit', () => {
      clearTimeout(timer);
      if (stats) resolve(stats);
      else reject(new Error('the bench server exited without its counts'));
    });
    child.send('close');
  });
}

function checkServed(stats: ServerStats): void {
  if (stats.single !== sent.single || stats.pages !== sent.pages || stats.other !== 0) {
    throw new Error(`the server served ${JSON.stringify(stats)}, the client sent ${JSON.stringify(sent)}`);
  }
  console.log(
    `(server: ${stats.single.toLocaleString('en')} single GETs and ${stats.pages.toLocaleString('en')} pages ` +
      'served, as many as sent; closed)',
  );
}

/**
 * How much the heap kept alive grew over the second half of the pages: what an iteration accumulates,
 * without the settling of the first pages (a leak shows in either half).
 */
function secondHalfGrowth(run: MemoryRun): number {
  const middle = Math.floor(run.live.length / 2) - 1;
  return (run.live.at(-1) ?? Number.NaN) - (run.live[middle] ?? Number.NaN);
}

function mib(bytes: number): string {
  return (bytes / MB).toFixed(2);
}

// --- Run (last, so that every module-level value above is initialised) ---

const server = await startServer();
let served: ServerStats;
try {
  await run(server.origin);
} finally {
  served = await server.close();
}
checkServed(served);
