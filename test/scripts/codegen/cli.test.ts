/** The codegen CLI: importing it runs nothing; main() prints per-version totals and (re)writes the generated files. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/codegen/index';
import { specDir as findSpecDir } from '../../support/spec';

function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (line) => out.push(line), err: (line) => err.push(line), env });
  return { code, out, err };
}

describe('codegen CLI', () => {
  // --check everywhere: a test must never rewrite the generated files.
  it('prints the totals of both versions and finds the generated files up to date', () => {
    const { code, out, err } = run([findSpecDir(), '--check']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `OCPI spec: ${findSpecDir()}`,
      '2.1.1 (markdown): 14 objects + 20 classes = 34, 177 fields; 23 enums, 142 values; 5 primitive types; 2 unnamed structures (6 fields); 0 unresolved refs, 3 diagnostics',
      '2.2.1 (asciidoc): 23 objects + 31 classes = 54, 294 fields; 34 enums, 233 values; 5 primitive types; 2 unnamed structures (6 fields); 0 unresolved refs, 4 diagnostics',
      'errata: 4 model changes applied',
    ]);
  });

  it('reads OCPI_SPEC_DIR when no path is given', () => {
    expect(run(['--check'], { OCPI_SPEC_DIR: findSpecDir() }).out[0]).toBe(`OCPI spec: ${findSpecDir()}`);
  });

  it('lists diagnostics and errata with --verbose and prints the model with --json', () => {
    const verbose = run([findSpecDir(), '--check', '--verbose']).out;
    expect(verbose.some((line) => line.includes('label-link-mismatch'))).toBe(true);
    expect(verbose).toContain(
      '  - 2.2.1 Location.address: string(45) → string(255) (mod_locations.asciidoc, line 472)',
    );
    const json = run([findSpecDir(), '--json']).out.join('\n');
    expect(Object.keys(JSON.parse(json).versions)).toEqual(['2.1.1', '2.2.1']);
  });

  it('exits with 1 and a clear message when the spec folder is missing', () => {
    const missing = path.join(tmpdir(), 'ocpi-spec-no-such-folder');
    const { code, out, err } = run([missing]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `OCPI spec folder not found: ${missing} (from the command line). Pass the spec folder as the first argument or set OCPI_SPEC_DIR.`,
    ]);
  });
});
