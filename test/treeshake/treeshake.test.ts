import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleReport,
  type Bundler,
  bundleWithEsbuild,
  bundleWithRollup,
  installPackage,
} from './bundle';

// The fixtures are bundled from the package as users install it (node_modules/@org/ocpi, its `dist`
// reached through the `exports` map), under esbuild and under Rollup + terser: see bundle.ts.
// Issue #15: the budgets below had been measured on the sources, where every module is its own; tsup
// merged them into shared chunks, where esbuild cannot drop what a module boundary let it drop, and
// catching our errors cost 10,883 bytes from dist instead of 413 (Rollup: 402), a 2.2.1 Location 12,022
// instead of 11,069 (Rollup: 10,698). The ES module build now keeps every source module a module of its
// own (scripts/build/preserve-modules.ts). Each ceiling is `esbuild / Rollup`, measured on dist.
// Issue #16: the primitives' checks moved to zod-free modules the compiled validators share, about
// 30 bytes more in the bundles that hold them.
// Issue #16, phase 2: the parse helpers answer a clean payload with the compiled validator registered for
// its schema (common/schema/compiled/registry.ts); the pairs are registered by createClient and
// serveVersion at run time, never at import, so schemas alone bundle no compiled validator (the Location
// and operations budgets below are unchanged), while a client bundles its version's validators.
// Issue #16, lenient in one pass: the compiled walks take the parse helpers' Tolerance (its branches,
// each object's field names, the enum value lists for the messages) and isUtcDateTime reads character by
// character: a Location ≈200 bytes, parseList and discovery ≈1.1 KB, a 2.2.1 client ≈5.3 KB, and
// validateLocation alone 5,040 -> 7,377 / 7,083 (the 8 KB target still met). Then normalizeDateTime
// by character codes and civil-calendar arithmetic (five times faster, ≈250 bytes) and the lenient
// report describing only what a list has room for, an item past the cap only counted (≈160 bytes):
// parseList 6,795 / 6,594, discovery 21,784 / ≈20,730, a 2.2.1 client 46,777 / 45,369.

interface Budget {
  fixture: string;
  /**
   * Ceilings in bytes of minified + gzip -9 output, under each bundler. Raise them only in the commit that
   * grows them.
   */
  maxGzipBytes: Record<Bundler, number>;
  /** Ceiling in bytes of the minified output, where gzip's own header would hide it (0 for types only). */
  maxMinifiedBytes?: number;
  /**
   * Path fragments of what must not be in the bundle: our sources as `src/…` (read back through the
   * package's source maps), other packages as `node_modules/<package>/`.
   */
  mustNotInclude: string[];
  /** Sources that must be there: proof that the source maps still name what the bundle holds. */
  mustInclude?: string[];
  /** Strings that must not appear in the minified output. */
  mustNotAppear?: string[];
}

const VERSION_CODE = ['src/v211/', 'src/v221/'];
const KY = 'node_modules/ky/';
const ZOD = 'node_modules/zod/';

const budgets: Budget[] = [
  {
    fixture: 'root-ocpi-error.ts',
    // One-line messages (control characters escaped, issue #10): ≈0.1 KB. The README promises under 0.4 KB.
    // Issue #15, from dist: 10,883 / 402 in shared chunks; 413 / 402 in modules of their own; the error
    // kinds defined without the `enumerable: false` that is the default, and the options handed to Error
    // as they are once they hold a cause: 398 / 386.
    maxGzipBytes: { esbuild: 400, rollup: 400 },
    mustInclude: ['src/common/errors/ocpi-error.ts'],
    mustNotInclude: [...VERSION_CODE, KY, ZOD],
    mustNotAppear: ['2.2.1', '2.1.1'],
  },
  {
    fixture: 'root-link-header.ts',
    // Issue #15, from dist: 11,331 / 837 in shared chunks; 846 / 837 in modules of their own.
    maxGzipBytes: { esbuild: 1_000, rollup: 1_000 },
    mustNotInclude: [...VERSION_CODE, KY, ZOD, 'src/common/errors/'],
    mustInclude: ['src/common/transport/link-header.ts'],
  },
  // Errors that copy causes and partner data scrubbed and bounded, and the response size cap: ≈1.1 KB;
  // lenient parsing with bounded records and path-copy repairs: ≈0.3 KB; one-line messages ≈0.1 KB;
  // bare allowed origins 45 bytes (issue #10); counting every lenient issue of a list, ≈20 bytes;
  // validating through the schema's Standard Schema interface (a bad item four times cheaper), ≈60 bytes;
  // unknown fields left out of a repair's copy instead of deleted one by one (a third cheaper), ≈60 bytes;
  // #12: nulls as absent in both modes, unknownFields, lenient drops of optional places, ≈620 bytes
  // (18,586 -> 19,207, the client's and each call's unknownFields included); a payload of the wrong
  // type as a whole failing without planning repairs (a bad list item a third cheaper): -> 19,263.
  // #13: discovery leaves `from` out of its transport (versions carry no routing headers): -> 19,282.
  // #13: our own middleware, and busy answers retried through ky from our fetch (Retry-After read once,
  // statuses read by the transport, no ky HTTPError): -> 19,749.
  // #13: each call's first attempt sent by fetch under our own timer, ky taking over only for the
  // retries (a page of 50 cost 1.36x raw fetch, now 1.11-1.16x), ≈360 bytes: -> 20,112.
  // Issue #15, from dist: 24,878 / 19,065 in shared chunks; 20,088 / 19,063 in modules of their own.
  {
    fixture: 'root-discovery.ts',
    // #16 phase 2: parsePayload's compiled path (registry lookup, clean-payload check): 20,183 / 19,126.
    // #16, lenient Sessions from 1.6x to 1.2x JSON.parse by allocating less (a path copied once per object,
    // no closure for counted issues, ISO codes looked up by character code, timestamps converted in one
    // string): -> 21,944 / 20,895. #13, a response's oversize error made only when thrown, and the UTC
    // text's digits by a helper instead of written out: -> 21,979 / 20,927. #13, a call's query written
    // after an endpoint that has none (one URL parse instead of three): -> 22,050 / 20,991.
    maxGzipBytes: { esbuild: 22_070, rollup: 21_010 },
    mustNotInclude: VERSION_CODE,
    mustInclude: ['src/common/transport/discovery.ts', 'node_modules/ky/'],
  },
  {
    fixture: 'v221-date-time.ts',
    // Issue #15, from dist: 7,322 / 3,502 in shared chunks; 3,629 / 3,502 in modules of their own.
    maxGzipBytes: { esbuild: 4_000, rollup: 4_000 },
    mustNotInclude: ['src/v211/', KY, 'src/common/errors/'],
  },
  {
    fixture: 'v211-date-time.ts',
    // Issue #15, from dist: 10,957 / 3,502 in shared chunks; 3,628 / 3,502 in modules of their own.
    maxGzipBytes: { esbuild: 4_000, rollup: 4_000 },
    mustNotInclude: ['src/v221/', KY, 'src/common/errors/'],
  },
  // Each object's prose rule sits at its definition (issue #11): 10,209 -> 10,154, as no Location check
  // walks its children any more; the rules of other modules (Tariff, CDR, charging profiles) stay out.
  // ISO code checks (issue #12): the alpha-3 country and ISO 639-1 language lists (DisplayText) and their
  // check, 10,163 -> 11,066 (+8.1%); the party country_code is checked for its shape only (131 bytes
  // less), and the currency list stays out. The README's "under 10 KB" no longer holds since these lists.
  // Issue #15, from dist: 12,022 / 10,698 in shared chunks; 11,069 / 10,702 in modules of their own.
  {
    fixture: 'v221-location.ts',
    // #16: ISO codes looked up by character code, no string made per lookup: -> 11,337 / 10,866.
    maxGzipBytes: { esbuild: 11_350, rollup: 10_880 },
    mustInclude: ['src/v221/generated/schemas.ts', 'src/common/generated/iso-codes.ts', 'node_modules/zod/'],
    mustNotInclude: ['src/v211/', KY, 'src/common/errors/', 'src/v221/operations/'],
    // Enum values and rule messages of other modules: their presence would mean unused schemas were kept.
    mustNotAppear: [
      'RESERVATION_EXPIRES',
      'CONNECTED',
      'SCSP',
      'CANCEL_RESERVATION',
      'may only be used in a Session',
      'credit is true',
      'like 13:30',
      'one decimal',
      // The currency check: no Location field is a currency.
      'ISO 4217',
    ],
  },
  // Issue #16: validating a 2.2.1 Location with its compiled validator alone (validateLocation and FAIL,
  // public since deliverable 5): plain generated code, the primitives' checks, the ISO lists and the
  // Location's prose rules, no zod: 5,040 / 5,006, under half of the schema's. The target is
  // 8 KB gzip (asserted in the comparison below); this ceiling guards the present size.
  {
    fixture: 'v221-validate-location.ts',
    // #16: ISO codes looked up by character code: -> 7,401 / 7,099.
    maxGzipBytes: { esbuild: 7_420, rollup: 7_120 },
    mustInclude: ['src/v221/generated/compiled.ts', 'src/common/schema/compiled/runtime.ts'],
    // schemas.ts only for its enum value lists (the walk's lenient messages name the allowed values);
    // never zod.
    mustNotInclude: ['src/v211/', KY, ZOD, 'src/common/errors/'],
    // Other objects' validators and enum values: their presence would mean unused validators were kept.
    mustNotAppear: ['RESERVATION_EXPIRES', 'CANCEL_RESERVATION', 'credit is true', 'ISO 4217'],
  },
  // The same check through the schema, `LocationSchema.safeParse`: what validateLocation is compared with.
  // The schema's bundle above and a few bytes of the calling function: 11,112 / 10,735.
  {
    fixture: 'v221-location-safe-parse.ts',
    // #16: ISO codes looked up by character code: -> 11,357 / 10,881.
    maxGzipBytes: { esbuild: 11_370, rollup: 10_900 },
    mustInclude: ['src/v221/generated/schemas.ts', 'node_modules/zod/'],
    mustNotInclude: ['src/v211/', KY, 'src/common/errors/', 'src/v221/generated/compiled.ts'],
  },
  // Rules at their definitions (issue #11): 9,755 -> 9,720. ISO code checks (issue #12): the alpha-3
  // country and ISO 639-1 language lists and their check, 9,725 -> 10,593 (+7.9% on the ceiling).
  // Issue #15, from dist: 13,106 / 10,222 in shared chunks; 10,593 / 10,223 in modules of their own.
  {
    fixture: 'v211-location.ts',
    // #16: ISO codes looked up by character code: -> 10,869 / 10,399.
    maxGzipBytes: { esbuild: 10_880, rollup: 10_410 },
    mustInclude: ['src/v211/generated/schemas.ts'],
    mustNotInclude: ['src/v221/', KY, 'src/common/errors/', 'src/v211/operations/'],
    // 2.2.1-only enum values, other modules' values and rules: their presence would mean the wrong code
    // came along.
    mustNotAppear: [
      'AC_2_PHASE_SPLIT',
      'PANTOGRAPH_TOP_DOWN',
      'UNKNOWN_SESSION',
      'WHITELIST',
      'EVSE used',
      'like 13:30',
      'ISO 4217',
    ],
  },
  // The whole client: every 2.2.1 schema, ky and the transport; never 2.1.1. Issue #10's safe errors,
  // response cap, bounded lenient pages, scrubbed rejected items, one-line messages and bare allowed
  // origins cost ≈1.7 KB of it. Each module's operations table in a file of its own (issue #11) costs
  // ≈20 bytes of module boundaries (one more `var` statement per module), no code. The version profile
  // the client hands the transport (its facts by name instead of version labels compared in common/,
  // issue #11) costs 27 bytes: 29,402 -> 29,429; counting every lenient issue of a page, 23 more. Rules at
  // their objects' definitions (issue #11): 29,465 -> 29,239. Operations tables built by helpers both
  // versions share (common/operations/, so no table is written twice) and the shared client builder cost
  // ≈110 bytes of function wrappers in a one-version bundle; no ky hooks option, ≈15 less: -> 29,333.
  // Validating through the schema's Standard Schema interface (a bad item four times cheaper): ≈60 more.
  // Fatal issues first in failed parses (issue #12): ≈360 more.
  // ISO code checks (issue #12): the alpha-3, ISO 4217 and ISO 639-1 lists and their check, 29,397 -> 30,697.
  // Unknown fields left out of a repair's copy instead of deleted one by one: ≈60 more.
  // #12: nulls as absent in both modes, unknownFields, lenient drops of optional places, ≈650 bytes
  // (31,763 -> 32,414, the client's and each call's unknownFields included).
  // #13: the one-time warning of a 2.2.1 client without `from` (its text is most of it): -> 32,661.
  // #13: paging by offset when a full page has neither Link nor X-Total-Count, with its repeat guard and
  // its reports, ≈530 bytes: 32,663 -> 33,197.
  // #13: a Date taken for date_from / date_to and sent as a DateTime, ≈130 bytes: -> 33,321.
  // #13: our own middleware and the busy answers retried through ky from our fetch, ≈470 bytes: -> 33,791.
  // The same minified code (97,091 bytes both) with esbuild's short names drawn in another order after a
  // type-only change of the imports compresses 14 bytes worse: -> 33,805.
  // #13: each call's first attempt sent by fetch under our own timer, ky only for the retries: -> 34,166.
  // Issue #15, from dist: 34,680 / 32,745 in shared chunks; 34,173 / 32,702 in modules of their own.
  {
    fixture: 'v221-client.ts',
    // #16 phase 2: createClient registers every 2.2.1 compiled validator (compiledPairs), and the parse
    // helpers take the compiled path: 34,173 / 32,702 -> 40,762 / 39,165 (+6.6 KB).
    // #16, lenient Sessions from 1.6x to 1.2x JSON.parse by allocating less (a path copied once per object,
    // no closure for counted issues, ISO codes looked up by character code, timestamps converted in one
    // string): -> 47,007 / 45,584. #13, a page's URL parsed once, the default routing headers made once,
    // no failure described for a success: -> 47,034 / 45,623. The recent URLs and objects of a list as a
    // ring (iterating a list a quarter cheaper per item): -> 47,061 / 45,667. A page's URLs parsed once
    // each (its query written after the endpoint, the next one kept as a URL, an absolute Link target
    // parsed without its base), a short way for the single plain next Link: -> 47,266 / 45,841. Awaiting
    // a list fetches its first page without starting a walk across pages: -> 47,368 / 45,928.
    maxGzipBytes: { esbuild: 47_390, rollup: 45_950 },
    mustNotInclude: ['src/v211/'],
    mustInclude: ['src/v221/client.ts', 'node_modules/ky/'],
  },
  // Every 2.2.1 schema with its prose rules (≈14.4 KB since the CDR, Session, command, credentials and
  // publish-token rules came in). Each rule at its object's definition, no parent walking its children
  // and no curated wrapper around the generated schema (issue #11): 14,652 -> 14,413. The table helpers
  // both versions share (common/operations/) cost ≈130 bytes of function wrappers: -> 14,544. ISO code
  // checks (issue #12), all three lists (alpha-3, ISO 4217, ISO 639-1) and their check: -> 15,792 (+8.5%).
  {
    fixture: 'v221-operations.ts',
    // Issue #15, from dist: 16,707 / 15,137 in shared chunks; 15,796 / 15,134 in modules of their own.
    // #16: ISO codes looked up by character code: -> 16,075 / 15,288.
    maxGzipBytes: { esbuild: 16_090, rollup: 15_300 },
    mustNotInclude: ['src/v211/', KY, 'src/common/errors/'],
  },
  // ≈3.9 KB since lists keep bounded records, repairs copy only along their paths, a payload's report is
  // bounded, rejected items are scrubbed and every lenient issue is counted (issue #10); ≈4.0 KB since
  // items are validated through the schema's Standard Schema interface (a bad item four times cheaper);
  // ≈4.5 KB with the list-loss report (issue #12) and unknown fields left out of a repair's copy.
  // #12: nulls as absent in both modes, unknownFields, lenient drops of optional places, ≈620 bytes
  // (4,507 -> 5,123); a payload of the wrong type as a whole failing without planning repairs (a bad
  // list item a third cheaper): -> 5,164; a safety pass that still fails with what it found: -> 5,175.
  // Issue #15, from dist: 15,132 / 4,999 in shared chunks; 5,174 / 5,002 in modules of their own; 5,160 /
  // 4,987 with the error's options handed on as they are.
  {
    fixture: 'root-parse-list.ts',
    // #16 phase 2: the compiled path (registry lookup, clean-payload check): 5,160 / 4,987 -> 5,241 / 5,049.
    // #16, lenient Sessions from 1.6x to 1.2x JSON.parse by allocating less (a path copied once per object,
    // no closure for counted issues, ISO codes looked up by character code, timestamps converted in one
    // string): -> 6,989 / 6,787.
    maxGzipBytes: { esbuild: 7_010, rollup: 6_810 },
    mustNotInclude: [...VERSION_CODE, KY],
    mustInclude: ['src/common/schema/parse-list.ts'],
  },
  {
    fixture: 'v221-types-only.ts',
    // An empty module: gzip's header and trailer alone.
    maxGzipBytes: { esbuild: 20, rollup: 21 },
    maxMinifiedBytes: 0,
    mustNotInclude: [...VERSION_CODE, KY, ZOD],
  },
];

const fixturePath = (fixture: string) => fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
const installation = installPackage(budgets.map(({ fixture }) => fixturePath(fixture)));
const reports: Record<Bundler, Promise<Map<string, BundleReport>>> = {
  esbuild: installation.then(bundleWithEsbuild),
  rollup: installation.then(bundleWithRollup),
};

// Building the package and bundling every fixture twice takes seconds (Rollup and terser most of it).
beforeAll(() => Promise.all(Object.values(reports)), 120_000);

afterAll(async () => {
  await Promise.allSettled(Object.values(reports));
  (await installation).remove();
});

// Issue #16, deliverable 5: a front end that validates a 2.2.1 Location pays less with the compiled
// validator than with the schema, and at most 8 KB gzip (bench/validation.ts prints both sizes too).
describe.each(['esbuild', 'rollup'] as const)('validating a 2.2.1 Location alone under %s', (bundler) => {
  it('costs less with validateLocation than with LocationSchema.safeParse, and at most 8 KB gzip', async () => {
    const all = await reports[bundler];
    const compiled = all.get('v221-validate-location.ts')?.gzipBytes ?? Number.NaN;
    const schema = all.get('v221-location-safe-parse.ts')?.gzipBytes ?? Number.NaN;
    expect(compiled).toBeLessThan(schema);
    expect(compiled).toBeLessThanOrEqual(8 * 1024);
  });
});

describe.each(
  budgets.flatMap((budget) => (['esbuild', 'rollup'] as const).map((bundler) => ({ ...budget, bundler }))),
)('bundle of $fixture under $bundler', (budget) => {
  const {
    fixture,
    bundler,
    maxGzipBytes,
    maxMinifiedBytes,
    mustNotInclude,
    mustInclude = [],
    mustNotAppear = [],
  } = budget;
  const report = reports[bundler].then((all) => all.get(fixture) as BundleReport);

  it(`stays under ${maxGzipBytes[bundler]} bytes gzip`, async () => {
    const { gzipBytes } = await report;
    expect(gzipBytes).toBeLessThanOrEqual(maxGzipBytes[bundler]);
  });

  if (maxMinifiedBytes !== undefined) {
    it(`stays under ${maxMinifiedBytes} bytes minified`, async () => {
      const { code } = await report;
      // Rollup ends every chunk with a line break.
      expect(code.trim().length).toBeLessThanOrEqual(maxMinifiedBytes);
    });
  }

  it('pulls in none of the modules it must not', async () => {
    const { inputs } = await report;
    expect(inputs.filter((input) => mustNotInclude.some((fragment) => input.includes(fragment)))).toEqual([]);
  });

  if (mustInclude.length > 0) {
    it(`is traced back to ${mustInclude.join(', ')}`, async () => {
      const { inputs } = await report;
      expect(mustInclude.filter((fragment) => !inputs.some((input) => input.includes(fragment)))).toEqual([]);
    });
  }

  if (mustNotAppear.length > 0) {
    it(`contains none of ${mustNotAppear.join(', ')}`, async () => {
      const { code } = await report;
      expect(mustNotAppear.filter((text) => code.includes(text))).toEqual([]);
    });
  }
});
