// The version-independent core and both versions' schemas, run inside an edge runtime (the Vercel/Next
// edge sandbox: web-standard globals only, no `process`, no `Buffer`, no Node modules).
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExample221 } from '../support/spec';
import { runServerChecks } from './support/server-checks';
import { expectServerReport } from './support/server-expectations';

// Each entry bundled into a script that puts its exports on a global, as an edge function bundle would.
async function bundleForEdge(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('in an edge runtime', () => {
  const vm = new EdgeVM();

  beforeAll(async () => {
    // Bundled at once (esbuild works in parallel), evaluated in order.
    const bundles = await Promise.all([
      bundleForEdge('src/index.ts', 'ocpi'),
      bundleForEdge('src/v211/index.ts', 'v211'),
      bundleForEdge('src/v221/index.ts', 'v221'),
      // The answering side's checks, with their own copy of the entries they import.
      bundleForEdge('test/runtimes/support/server-checks.ts', 'serverChecks'),
    ]);
    for (const bundle of bundles) vm.evaluate(bundle);
  });

  it('has no Node globals to lean on', () => {
    expect(vm.evaluate('typeof process + " " + typeof Buffer + " " + typeof require')).toBe(
      'undefined undefined undefined',
    );
  });

  it('encodes and matches tokens', async () => {
    expect(vm.evaluate(`ocpi.formatAuthorizationHeader('example-token', { version: '2.2.1' })`)).toBe(
      'Token ZXhhbXBsZS10b2tlbg==',
    );
    const match = await vm.evaluate(
      `ocpi.matchCredentialsToken('Token ZXhhbXBsZS10b2tlbg==', (t) => (t === 'example-token' ? 'partner' : undefined), { accept: 'both' })`,
    );
    expect(match).toMatchObject({ matched: true, partner: 'partner', encoding: 'base64' });
  });

  it('parses Link headers and builds typed, redacted errors', () => {
    expect(vm.evaluate(`ocpi.findNextLink('<?offset=50>; rel="next"', 'https://x.example/cdrs')`)).toBe(
      'https://x.example/cdrs?offset=50',
    );
    const summary = vm.evaluate(`(() => {
      const error = ocpi.createResponseError({ version: '2.2.1', method: 'GET', url: 'https://x.example/?token=s3cret',
        secrets: ['s3cret'], httpStatus: 200, envelope: { status_code: 4001, status_message: 's3cret' } });
      return [ocpi.isOcpiHubStatusError(error), error.message];
    })()`);
    expect(summary).toEqual([true, 'OCPI 4001 "[REDACTED]": GET https://x.example/?token=%5BREDACTED%5D']);
  });

  it('validates with the 2.1.1 and 2.2.1 schemas', () => {
    expect(vm.evaluate(`v221.DisplayTextSchema.safeParse({ language: 'de', text: 'Grüße' }).success`)).toBe(
      true,
    );
    expect(vm.evaluate(`v211.DisplayTextSchema.safeParse({ language: 'de', text: 'Grüße' }).success`)).toBe(
      false,
    );
    expect(vm.evaluate(`v221.DateTimeSchema.safeParse('2016-12-29T17:45:09.2Z').success`)).toBe(true);
    expect(
      vm.evaluate(
        `v211.OcpiResponseEnvelopeSchema.safeParse({ status_code: 1000, timestamp: '2015-06-29T20:39:09Z' }).success`,
      ),
    ).toBe(true);
  });

  it('answers versions, details, a page, an object, a PUT, a 401 and a 2001 with createOcpiHandler as Node does', async () => {
    const location = readExample221('location_example.json') as object;
    const json = await vm.evaluate(
      `serverChecks.runServerChecks(${JSON.stringify(location)}).then((report) => JSON.stringify(report))`,
    );
    const report = JSON.parse(json as string);
    expectServerReport(report);
    expect(report).toEqual(JSON.parse(JSON.stringify(await runServerChecks(location))));
  });
});
