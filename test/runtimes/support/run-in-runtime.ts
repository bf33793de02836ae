// Runs the SDK in another JavaScript runtime: the three entries are bundled from src (so no build is
// needed first) into ESM files in a temp dir, as they would be published, with a fixture that imports
// them by relative path; the runtime (a binary from node_modules/.bin, a browser, workerd) runs the
// fixture once, against a partner served from this process, and the `it`s check its JSON report against
// literal values and against the same checks run in Node.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExample221 } from '../../support/spec';
import { readExample211 } from '../../support/v211-spec';
import { withValue } from '../../support/v221-payloads';
import { type ChecksInput, type ChecksReport, runChecks } from './checks';
import { type PartnerServer, type SeenPreflight, type SeenRequest, startPartner } from './partner-server';
import { expectServerReport } from './server-expectations';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Generous: a runtime's first start on a cold machine is slow.
export const SPAWN_TIMEOUT_MS = 60_000;

/** What a runtime is handed to run the bundled fixture. */
export interface RunContext {
  /** The temp dir holding the bundle; the runtime may write its own files there. */
  dir: string;
  /** Every bundled file, relative to `dir` with `/` separators; `fixture.js` is the fixture. */
  files: string[];
  /** The partner's port on 127.0.0.1. */
  port: number;
}

/** One runtime: which fixture it runs, and how. */
export interface Runtime {
  name: string;
  /**
   * The fixture's source, relative to the repository root: by default support/fixture.ts, which prints
   * its report on stdout.
   */
  fixture?: string;
  /** What the report's `runtime` must match; by default the name and a version. */
  reportedAs?: RegExp;
  /** Runs the fixture once; resolves with its report as JSON text. */
  run(context: RunContext): Promise<string>;
  /** More `it`s of this runtime's own, given the run's outcome. */
  more?(current: () => RunOutcome): void;
}

/** How to start a runtime's binary on the bundled fixture. */
export interface Binary {
  /** Its binary, relative to the repository root. */
  binary: string;
  /** Its arguments, given the fixture's path, the temp dir and the partner's port. */
  args(fixture: string, context: { dir: string; port: number }): string[];
  /** Variables on top of PATH, HOME (the temp dir) and the opt-outs every runtime gets. */
  env(dir: string): Record<string, string>;
}

/** A runtime's `run` that spawns its binary on fixture.js and takes its stdout as the report. */
export function runBinary(binary: Binary): Runtime['run'] {
  return ({ dir, port }) =>
    run(join(ROOT, binary.binary), binary.args(join(dir, 'fixture.js'), { dir, port }), {
      cwd: dir,
      // Nothing from this environment (proxies, tokens, the repo's config): only what the run needs.
      env: { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', DO_NOT_TRACK: '1', ...binary.env(dir) },
    });
}

// The fixture imports the entries as a user imports the package; here each name becomes a relative
// import of that entry's bundled file, so the runtime loads the three files themselves.
const entriesAsPackage: Plugin = {
  name: 'entries-as-package',
  setup(plugin) {
    plugin.onResolve({ filter: /^@org\/ocpi(\/v211|\/v221)?$/ }, ({ path }) => ({
      path: path === '@org/ocpi' ? './index.js' : `./${path.slice('@org/ocpi/'.length)}/index.js`,
      external: true,
    }));
  },
};

/** Bundles the entries (split into shared chunks, as tsup publishes them) and the fixture into `dir`. */
async function bundle(dir: string, input: ChecksInput, fixture: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      index: 'src/index.ts',
      'v211/index': 'src/v211/index.ts',
      'v221/index': 'src/v221/index.ts',
      fixture,
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outdir: dir,
    define: { FIXTURE_INPUT: JSON.stringify(input) },
    plugins: [entriesAsPackage],
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Runs a command to its end; rejects with its stderr when it fails, times out or prints nothing. */
function run(
  binary: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { ...options, timeout: SPAWN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.killed
            ? `killed (${error.signal}) after ${SPAWN_TIMEOUT_MS} ms`
            : `exit ${error.code}`;
          reject(
            new Error(
              `${binary} ${args.join(' ')}: ${how}\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`,
            ),
          );
        } else if (stdout.trim() === '') {
          reject(new Error(`${binary} printed nothing\n--- stderr ---\n${stderr}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** What one run of the fixture left to check. */
export interface RunOutcome {
  partner: PartnerServer;
  token: string;
  metafile: Metafile;
  /** The checks as Node runs them, through JSON as the runtime's report is. */
  node: ChecksReport;
  report: ChecksReport;
  /** What the partner received from the runtime. */
  seen: SeenRequest[];
  /** The CORS preflights the partner received from the runtime (a browser's only). */
  preflights: SeenPreflight[];
}

/** The whole suite for one runtime: one bundle, one run, then assertions on its report. */
export function describeInRuntime(runtime: Runtime): void {
  describe(`the SDK in ${runtime.name}`, () => {
    let dir: string | undefined;
    let partner: PartnerServer | undefined;
    let state: RunOutcome | undefined;
    const current = (): RunOutcome => {
      if (!state) throw new Error('the runtime did not run');
      return state;
    };

    beforeAll(async () => {
      const workDir = await mkdtemp(join(tmpdir(), `ocpi-${runtime.name}-`));
      dir = workDir;
      const location221 = readExample221('location_example.json') as object;
      const location211 = readExample211('mod_locations.md', 5, { from: 'body' });
      partner = await startPartner(location221);
      const token = `${runtime.name}-partner-token-0c4f`;
      const input: ChecksInput = {
        baseUrl: partner.baseUrl,
        token,
        location221,
        badLocation221: withValue(location221, 'evses[1].connectors[0].standard', 'TYPE_2'),
        location211,
        badLocation211: withValue(location211, 'evses[0].connectors[0].standard', 'TYPE_2'),
      };
      const node = JSON.parse(JSON.stringify(await runChecks(input))) as ChecksReport;
      partner.requests.length = 0;
      partner.preflights.length = 0;
      const metafile = await bundle(workDir, input, runtime.fixture ?? 'test/runtimes/support/fixture.ts');
      // The metafile names outputs relative to the working directory (the repository root).
      const files = Object.keys(metafile.outputs).map((file) =>
        relative(workDir, join(ROOT, file)).split(sep).join('/'),
      );
      const stdout = await runtime.run({ dir: workDir, files, port: Number(new URL(partner.baseUrl).port) });
      let report: ChecksReport;
      try {
        report = JSON.parse(stdout) as ChecksReport;
      } catch {
        throw new Error(`${runtime.name} gave no JSON report:\n${stdout}`);
      }
      state = {
        partner,
        token,
        metafile,
        node,
        report,
        seen: [...partner.requests],
        preflights: [...partner.preflights],
      };
    }, 120_000);

    afterAll(async () => {
      await partner?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it(`runs in ${runtime.name}, not in Node`, () => {
      expect(current().report.runtime).toMatch(
        runtime.reportedAs ?? new RegExp(`^${runtime.name} \\d+\\.\\d+\\.\\d+`),
      );
    });

    it('loads the three bundled entries, with every export they have in Node', () => {
      const { metafile, report, node } = current();
      // Everything is inside the bundle: the only imports left are the fixture's of the entry files.
      const left = Object.entries(metafile.outputs).flatMap(([, output]) =>
        output.imports.filter((imported) => imported.external).map(({ path }) => path),
      );
      // (Each file that imports an entry is one import of it: the server checks import two again.)
      expect([...new Set(left)].sort()).toEqual(['./index.js', './v211/index.js', './v221/index.js']);
      expect(report.exports.root).toContain('formatAuthorizationHeader');
      expect(report.exports.v221).toContain('createClient');
      expect(report.exports.v211).toContain('LocationSchema');
      for (const entry of ['root', 'v211', 'v221'] as const) {
        expect(report.exports[entry].sort()).toEqual(node.exports[entry].sort());
      }
    });

    it('parses spec Locations with the 2.2.1 and 2.1.1 schemas, and names the path of a bad field', () => {
      const { report, node } = current();
      expect(report.schemas.v221.valid).toEqual({ success: true, id: 'LOC1' });
      expect(report.schemas.v211.valid).toEqual({ success: true, id: 'LOC1' });
      expect(report.schemas.v221.bad).toMatchObject({
        success: false,
        issues: [{ path: 'evses[1].connectors[0].standard' }],
      });
      expect(report.schemas.v211.bad).toMatchObject({
        success: false,
        issues: [{ path: 'evses[0].connectors[0].standard' }],
      });
      expect(report.schemas).toEqual(node.schemas);
    });

    it('gets a Location and follows Link through two pages over real HTTP, sending the token in Base64', () => {
      const { report, seen, partner, token } = current();
      expect(report.client.location).toBe('LOC1');
      expect(report.client.listed).toEqual(['LOC1', 'LOC2', 'LOC3']);
      const path = new URL(partner.baseUrl).pathname;
      expect(seen).toEqual(
        [
          `${path}/locations/LOC1`,
          `${path}/locations`,
          `${path}/locations?offset=2&limit=2`,
          `${path}/locations/NOPE`,
        ].map((url) => ({ method: 'GET', url, authorization: `Token ${base64(token)}` })),
      );
    });

    it('turns status_code 2001 into a client status error whose message hides the token', () => {
      const { report, node, partner, token } = current();
      const error = report.client.statusError;
      expect(error).toEqual({
        name: 'OcpiClientStatusError',
        message: `OCPI 2001 "Invalid or missing parameters for token [REDACTED] (Token [REDACTED])": GET ${partner.baseUrl}/locations/NOPE`,
        statusCode: 2001,
        isOcpiError: true,
        isOcpiStatusError: true,
        isOcpiClientStatusError: true,
      });
      expect(error?.message).not.toContain(token);
      expect(error?.message).not.toContain(base64(token));
      expect(error).toEqual(node.client.statusError);
    });

    it('answers versions, details, a page, an object, a PUT, a 401 and a 2001 with createOcpiHandler as Node does', () => {
      const { report, node } = current();
      expectServerReport(report.server);
      expect(report.server).toEqual(node.server);
    });

    it('formats and decodes Authorization credentials as Node does', () => {
      const { report, node } = current();
      expect(report.auth.headers).toEqual([
        'Token ZXhhbXBsZS10b2tlbg==',
        'Token example-token',
        'Token example-token',
        `Token ${base64('a~b!c/d+e=f')}`,
      ]);
      expect(report.auth.decoded).toEqual(['été', 'example-token', null]);
      expect(report.auth.refused).toMatch(/^TypeError: /);
      expect(report.auth.refused).not.toContain('tökén');
      expect(report.auth).toEqual(node.auth);
    });

    runtime.more?.(current);
  });
}
