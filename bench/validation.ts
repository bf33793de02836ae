// Validation throughput on a page of 1,000 OCPI 2.2.1 Locations and on one of 1,000 OCPI 2.1.1 Locations,
// against JSON.parse of the same text, in one process: MB/s (10^6 bytes of UTF-8 JSON per second) and
// the time ratio to JSON.parse. One table per version; the cases of both are timed in the same rounds.
// vitest bench prints operations per second only, so this is a plain script run by `npm run bench`.
// Each case is warmed up, then timed in rounds that take turns with the other cases; the table shows
// the median round. Speed is only reported here, never asserted, except as `met` or `over` a target of
// issue #16 (strict parsePayload per Location, through the compiled validators, at most 1.5x JSON.parse;
// the same with the compiled path switched off is the "before"). The compiled validators are registered
// as createClient and serveVersion do; a clean Location is answered by its validator in lenient mode too
// (the client's default), which the lenient per-item rows show beside zod alone.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as z from 'zod/mini';
import type * as Root from '../src';
import type * as Registry from '../src/common/schema/compiled/registry';
import { buildLocationPageV211, NULLABLE_V211 } from '../src/testing/seed/locations-v211';
import { buildLocationPage } from '../src/testing/seed/locations-v221';
import { type QuirkCounts, withPartnerQuirks } from '../src/testing/seed/partner-quirks';
import type * as V211 from '../src/v211';
import type * as V221 from '../src/v221';
import { median, printTable } from './report';

// What users get: the built package (`npm run build` first; `npm run bench` does), not the sources. The
// pages are made from the sources' seed (only the validation is measured). The switch of the compiled
// path is internal: reached as the built module the package's own modules import, so it is the same one.
const fromDist = async <T>(path: string): Promise<T> =>
  (await import(path).catch(() => {
    throw new Error('bench/validation.ts measures the built package: run `npm run build` first');
  })) as T;
const { parseList, parsePayload, registerCompiledValidators } =
  await fromDist<typeof Root>('../dist/index.js');
const { setCompiledPath } = await fromDist<typeof Registry>('../dist/common/schema/compiled/registry.js');
const { compiledPairs: compiledPairsV211, LocationSchema: LocationSchemaV211 } =
  await fromDist<typeof V211>('../dist/v211/index.js');
const { compiledPairs, LocationSchema } = await fromDist<typeof V221>('../dist/v221/index.js');

registerCompiledValidators(compiledPairs());
registerCompiledValidators(compiledPairsV211());

const TARGET_BYTES = 2_600_000;
const WARM_UP_MS = 1_000;
const ROUND_MS = 200;
const ROUNDS = 15;

// --- The pages, checked before anything is timed: a benchmark of a failing parse measures nothing. ---

interface Case {
  name: string;
  bytes: number;
  /** The JSON.parse case of the same text, for the ratio; none for a JSON.parse case itself. */
  baseline?: string;
  /** The issue's ceiling for the ratio to the baseline, printed with `met` or `over`. */
  target?: number;
  run: () => unknown;
}

/** Strict parsing of the issue #16 target (a page of 1,000 Locations, item by item). */
const STRICT_TARGET = 1.5;

// `run` with the parse helpers on zod alone: the strict path as it was before the compiled validators.
function zodOnly<T>(run: () => T): T {
  setCompiledPath(false);
  try {
    return run();
  } finally {
    setCompiledPath(true);
  }
}

/** What the report needs of a Location, in either version. */
interface PageLocation {
  id: string;
  evses?: readonly { uid: string; connectors: readonly unknown[] }[] | undefined;
}

/** One version's pages, what was checked of them, and its cases. */
interface Version {
  label: string;
  cleanPage: readonly PageLocation[];
  cleanBytes: number;
  quirkyBytes: number;
  counts: QuirkCounts;
  /** How many lenient issues the quirky page has, by action. */
  byAction: (action: string) => number;
  cases: Case[];
}

/**
 * Builds and checks a version's clean and quirky pages and returns its cases. The rows of 2.2.1 keep the
 * names they had before 2.1.1 was added (`prefix` ''); the 2.1.1 rows start with `2.1.1`.
 */
function prepare<S extends z.ZodMiniType>(
  label: string,
  prefix: string,
  itemSchema: S,
  build: () => readonly PageLocation[],
  addQuirks: (page: readonly PageLocation[]) => { page: unknown; counts: QuirkCounts },
): Version {
  const fail = (message: string) => new Error(`OCPI ${label}: ${message}`);
  const cleanText = JSON.stringify(build());
  if (cleanText !== JSON.stringify(build())) throw fail('the generated page is not deterministic');
  const cleanBytes = Buffer.byteLength(cleanText, 'utf8');
  if (Math.abs(cleanBytes / TARGET_BYTES - 1) > 0.15) {
    throw fail(`the page is ${mb(cleanBytes)} MB, not ${mb(TARGET_BYTES)} MB ± 15%`);
  }
  const cleanPage = JSON.parse(cleanText) as PageLocation[];
  checkShape(cleanPage);
  cleanPage.forEach((location, index) => {
    const result = itemSchema.safeParse(location);
    if (!result.success) {
      throw fail(`generated Location [${index}] is invalid: ${JSON.stringify(result.error.issues)}`);
    }
  });

  const quirks = addQuirks(cleanPage);
  const quirkyText = JSON.stringify(quirks.page);
  const quirkyBytes = Buffer.byteLength(quirkyText, 'utf8');
  const quirkyPage: unknown = JSON.parse(quirkyText);

  const PageSchema = z.array(itemSchema);
  const strict = { mode: 'strict', subject: 'Locations' } as const;
  const lenient = { mode: 'lenient', subject: 'Locations' } as const;
  const lenientItem = { mode: 'lenient', subject: 'Location' } as const;
  const strictItem = { mode: 'strict', subject: 'Location' } as const;
  const strictEach = () => cleanPage.map((location) => parsePayload(itemSchema, location, strictItem));
  const lenientEach = () => cleanPage.map((location) => parsePayload(itemSchema, location, lenientItem));

  if (!parsePayload(PageSchema, cleanPage, strict).success) throw fail('the clean page fails strictly');
  const cleanLenient = parsePayload(PageSchema, cleanPage, lenient);
  if (!cleanLenient.success || cleanLenient.issues.length > 0)
    throw fail('the clean page has lenient issues');
  if (parsePayload(PageSchema, quirkyPage, strict).success) throw fail('the quirky page passes strictly');
  const quirkyLenient = parsePayload(PageSchema, quirkyPage, lenient);
  if (!quirkyLenient.success) throw fail(`the quirky page fails leniently: ${quirkyLenient.error.message}`);
  const quirkyList = parseList(itemSchema, quirkyPage, lenientItem);
  if (quirkyList.rejected.length > 0 || quirkyList.items.length !== cleanPage.length) {
    throw fail(`parseList rejected ${quirkyList.rejected.length} quirky Locations`);
  }
  if (quirkyList.issues.length !== quirkyLenient.issues.length) {
    throw fail('parseList and parsePayload disagree on the quirky page');
  }
  const strictResults = strictEach();
  if (strictResults.some((result) => !result.success || result.issues.length > 0)) {
    throw fail('parsePayload does not accept every clean Location strictly, with no issue');
  }
  const zodResults = zodOnly(strictEach);
  if (JSON.stringify(zodResults) !== JSON.stringify(strictResults)) {
    throw fail('the compiled path and zod alone give different data for the clean page');
  }
  if (JSON.stringify(zodOnly(lenientEach)) !== JSON.stringify(lenientEach())) {
    throw fail('the compiled path and zod alone give different lenient results for the clean page');
  }
  const cleanList = parseList(itemSchema, cleanPage, lenientItem);
  if (cleanList.items.length !== cleanPage.length || cleanList.issues.length > 0) {
    throw fail('parseList does not accept the clean page as is');
  }

  // The cases. Validation takes the already parsed page; inputs are never changed by a parse.
  const CLEAN = `${prefix}JSON.parse, clean page`;
  const QUIRKY = `${prefix}JSON.parse, quirky page`;
  const cases: Case[] = [
    { name: CLEAN, bytes: cleanBytes, run: () => JSON.parse(cleanText) },
    {
      name: `${prefix}strict: LocationSchema.safeParse per item`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => cleanPage.map((location) => itemSchema.safeParse(location)),
    },
    {
      name: `${prefix}strict: parsePayload(z.array(LocationSchema))`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => parsePayload(PageSchema, cleanPage, strict),
    },
    {
      name: `${prefix}strict: parsePayload per item, zod only (before)`,
      bytes: cleanBytes,
      baseline: CLEAN,
      target: STRICT_TARGET,
      run: () => zodOnly(strictEach),
    },
    {
      name: `${prefix}strict: parsePayload per item, compiled`,
      bytes: cleanBytes,
      baseline: CLEAN,
      target: STRICT_TARGET,
      run: strictEach,
    },
    {
      name: `${prefix}strict: parseList, compiled`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => parseList(itemSchema, cleanPage, strictItem),
    },
    {
      name: `${prefix}lenient: parsePayload, clean page`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => parsePayload(PageSchema, cleanPage, lenient),
    },
    {
      name: `${prefix}lenient: parsePayload per item, zod only (before)`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => zodOnly(lenientEach),
    },
    {
      name: `${prefix}lenient: parsePayload per item, compiled`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: lenientEach,
    },
    {
      name: `${prefix}lenient: parseList, clean page, compiled`,
      bytes: cleanBytes,
      baseline: CLEAN,
      run: () => parseList(itemSchema, cleanPage, lenientItem),
    },
    { name: QUIRKY, bytes: quirkyBytes, run: () => JSON.parse(quirkyText) },
    {
      name: `${prefix}lenient: parsePayload, quirky page`,
      bytes: quirkyBytes,
      baseline: QUIRKY,
      run: () => parsePayload(PageSchema, quirkyPage, lenient),
    },
    {
      name: `${prefix}lenient: parseList, quirky page`,
      bytes: quirkyBytes,
      baseline: QUIRKY,
      run: () => parseList(itemSchema, quirkyPage, lenientItem),
    },
  ];
  const issues = quirkyLenient.issues;
  return {
    label,
    cleanPage,
    cleanBytes,
    quirkyBytes,
    counts: quirks.counts,
    byAction: (action) => issues.filter((issue) => issue.action === action).length,
    cases,
  };
}

const versions: Version[] = [
  prepare('2.2.1', '', LocationSchema, buildLocationPage, (page) => withPartnerQuirks(page)),
  prepare('2.1.1', '2.1.1 ', LocationSchemaV211, buildLocationPageV211, (page) =>
    withPartnerQuirks(page, 4_2, NULLABLE_V211),
  ),
];
const cases = versions.flatMap((version) => version.cases);
if (new Set(cases.map((entry) => entry.name)).size !== cases.length)
  throw new Error('two cases have one name');

// --- Timing ---

let sink: unknown;

/** Runs `run` `times` times and returns the mean time of one run, in ms. */
function time(run: () => unknown, times: number): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) sink = run();
  return (performance.now() - start) / times;
}

// Warm-up, which also sizes each case's rounds to about ROUND_MS.
const iterations = new Map<Case, number>();
for (const entry of cases) {
  const start = performance.now();
  let runs = 0;
  while (runs < 3 || performance.now() - start < WARM_UP_MS) {
    sink = entry.run();
    runs++;
  }
  const each = (performance.now() - start) / runs;
  iterations.set(entry, Math.max(1, Math.round(ROUND_MS / each)));
}

// Rounds take turns across cases, so that drift (other processes, heap growth) hits all of them alike.
const samples = new Map<Case, number[]>(cases.map((entry) => [entry, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const entry of cases) samples.get(entry)?.push(time(entry.run, iterations.get(entry) ?? 1));
}
if (sink === undefined) throw new Error('nothing was run');

// --- Report ---

const medians = new Map(cases.map((entry) => [entry.name, median(samples.get(entry) ?? [])]));
const rowsOf = (version: Version) =>
  version.cases.map((entry) => {
    const ms = medians.get(entry.name) ?? Number.NaN;
    const times = samples.get(entry) ?? [];
    const base = entry.baseline === undefined ? ms : (medians.get(entry.baseline) ?? Number.NaN);
    return [
      entry.name,
      ms.toFixed(2),
      `${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}`,
      (entry.bytes / 1e6 / (ms / 1e3)).toFixed(1),
      `${(ms / base).toFixed(2)}×`,
    ];
  });

versions.forEach((version, index) => {
  const { cleanPage, cleanBytes, quirkyBytes, counts, byAction } = version;
  const evses = cleanPage.reduce((sum, location) => sum + (location.evses?.length ?? 0), 0);
  const connectors = cleanPage.reduce(
    (sum, location) => sum + (location.evses ?? []).reduce((n, evse) => n + evse.connectors.length, 0),
    0,
  );
  console.log(
    index === 0
      ? `\nOCPI ${version.label} Location page validation vs JSON.parse (node ${process.version}, ${cpus()[0]?.model})`
      : `\nOCPI ${version.label} Location page validation vs JSON.parse (same process, timed in the same rounds)`,
  );
  console.log(
    `clean page: ${cleanPage.length} Locations, ${evses} EVSEs, ${connectors} Connectors, ` +
      `${mb(cleanBytes)} MB (${cleanBytes} bytes) of JSON`,
  );
  console.log(
    `quirky page: ${mb(quirkyBytes)} MB; ${counts.locations} Locations touched: ${counts.unknownFields} unknown ` +
      `fields, ${counts.nulls} nulls, ${counts.unknownEnumValues} unknown enum values, ` +
      `${counts.offsetTimestamps} +02:00 timestamps -> lenient issues: ${byAction('dropped')} dropped, ` +
      `${byAction('kept')} kept, ${byAction('normalised')} normalised`,
  );
  console.log(
    index === 0
      ? `median of ${ROUNDS} rounds of ~${ROUND_MS} ms after ${WARM_UP_MS} ms warm-up; MB = 10^6 bytes; ` +
          'ratio = time / JSON.parse time of the same text\n'
      : '',
  );
  printTable(['case', 'ms/page', 'rounds ms', 'MB/s', 'vs JSON.parse'], rowsOf(version));
  console.log('');
  for (const entry of version.cases) {
    if (entry.target === undefined || entry.baseline === undefined) continue;
    const ratio = (medians.get(entry.name) ?? Number.NaN) / (medians.get(entry.baseline) ?? Number.NaN);
    const verdict = ratio <= entry.target ? 'met' : 'over';
    console.log(`target <= ${entry.target}x: ${entry.name}: ${ratio.toFixed(2)}x ${verdict}`);
  }
});

// --- Helpers ---

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

function checkShape(page: readonly PageLocation[]): void {
  for (const location of page) {
    const count = location.evses?.length ?? 0;
    if (count < 2 || count > 4) throw new Error(`Location ${location.id} has ${count} EVSEs`);
    for (const evse of location.evses ?? []) {
      const n = evse.connectors.length;
      if (n < 1 || n > 3) throw new Error(`EVSE ${evse.uid} has ${n} Connectors`);
    }
  }
}
