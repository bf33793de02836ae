// The rules of the source tree that a reviewer should not have to check by eye.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
// Only these may use Node built-ins: the node and testing entries, and the `ocpi` command line (cli/, a
// bin, never imported by an entry); every other part must run in browsers, Deno, Bun and edge runtimes.
const NODE_ENTRIES = ['node/', 'testing/', 'cli/'];

const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file: relative(SRC, join(SRC, file)), text: readFileSync(join(SRC, file), 'utf8') }));

function importsOf(text: string): string[] {
  // Static imports and re-exports, side-effect imports, and dynamic imports with a literal specifier.
  const pattern =
    /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[2] ?? match[3]) as string);
}

function violations(rule: (file: string, specifier: string) => boolean): string[] {
  return files.flatMap(({ file, text }) =>
    importsOf(text)
      .filter((specifier) => rule(file, specifier))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);
const reaches = (specifier: string, folder: string) => new RegExp(`(^|/)${folder}(/|$)`).test(specifier);
/** Where a relative import lands, relative to src/ (`../scripts/x` from `common/a.ts` is `../scripts/x`). */
const target = (file: string, specifier: string) =>
  specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
const lands = (file: string, specifier: string, ...folders: string[]) => {
  const landing = target(file, specifier);
  return folders.some((folder) => landing === folder || landing.startsWith(`${folder}/`));
};

// The walls, as folders relative to src/. The answering side and the initiating side sit on top of common/
// and the versions; common/ knows neither, nor any version.
const VERSIONS = ['v211', 'v221'];
const SIDES = ['server', 'client', 'versions', 'node', 'testing', 'index', 'index.ts'];
// The schema layers: what a schemas-only import pulls in. They never reach the transport, the client
// (a version's client.ts and operations/), the sides, or the build scripts.
const SCHEMA_LAYERS = [
  'common/schema',
  'common/generated',
  ...VERSIONS.flatMap((v) => [`${v}/schemas`, `${v}/generated`]),
];
const NOT_FOR_SCHEMAS = [
  'common/transport',
  'common/operations',
  ...SIDES,
  ...VERSIONS.flatMap((v) => [`${v}/client`, `${v}/client.ts`, `${v}/operations`, `${v}/send-command`]),
  '../scripts',
];

describe('source tree rules', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('keeps common free of version code', () => {
    expect(
      violations(
        (file, spec) => inFolder(file, 'common') && (reaches(spec, 'v211') || reaches(spec, 'v221')),
      ),
    ).toEqual([]);
    expect(violations((file, spec) => inFolder(file, 'common') && lands(file, spec, ...VERSIONS))).toEqual(
      [],
    );
  });

  it('names a version in common/ only in the reviewed places', () => {
    // common/ takes what it must know about a version from the version's facts (src/v2xx/facts.ts) or
    // profile; the only file there that may spell a version label is the list of versions itself.
    // Comments do not count.
    const allowed = ['common/protocol/version.ts'];
    const label = /'2\.\d(\.\d)?'/;
    const spelled = files
      .filter(({ file }) => inFolder(file, 'common') && !inFolder(file, 'common/generated'))
      .filter(({ text }) =>
        text.split('\n').some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && label.test(line)),
      )
      .map(({ file }) => file);
    expect(spelled.sort()).toEqual(allowed);
  });

  it('keeps common free of the answering side, the initiating side and the entries', () => {
    expect(violations((file, spec) => inFolder(file, 'common') && lands(file, spec, ...SIDES))).toEqual([]);
  });

  it('keeps the schema layers free of the transport, the client, the sides and the build scripts', () => {
    expect(
      violations(
        (file, spec) =>
          SCHEMA_LAYERS.some((layer) => inFolder(file, layer)) &&
          (lands(file, spec, ...NOT_FOR_SCHEMAS) || reaches(spec, 'scripts') || spec === 'ky'),
      ),
    ).toEqual([]);
  });

  it('finds the folders the walls name, so that a rename cannot turn a wall off', () => {
    const folders = new Set(files.map(({ file }) => posix.dirname(file)));
    for (const folder of [
      ...SCHEMA_LAYERS,
      'common/transport',
      'common/operations',
      'server',
      'client',
      'versions',
      ...VERSIONS.map((v) => `${v}/operations`),
    ]) {
      expect(folders, folder).toContain(folder);
    }
  });

  it('never lets 2.1.1 and 2.2.1 import each other', () => {
    expect(violations((file, spec) => inFolder(file, 'v211') && reaches(spec, 'v221'))).toEqual([]);
    expect(violations((file, spec) => inFolder(file, 'v221') && reaches(spec, 'v211'))).toEqual([]);
    expect(violations((file, spec) => inFolder(file, 'v211') && lands(file, spec, 'v221'))).toEqual([]);
    expect(violations((file, spec) => inFolder(file, 'v221') && lands(file, spec, 'v211'))).toEqual([]);
  });

  it('keeps the command line out of every package entry: src/cli is a bin, imported by none of them', () => {
    expect(files.some(({ file }) => inFolder(file, 'cli'))).toBe(true);
    expect(violations((file, spec) => !inFolder(file, 'cli') && lands(file, spec, 'cli'))).toEqual([]);
  });

  it('uses Node built-ins only in the node and testing entries and the command line', () => {
    const builtins = new Set(builtinModules);
    const isBuiltin = (spec: string) =>
      spec.startsWith('node:') || builtins.has(spec.split('/')[0] as string);
    expect(
      violations((file, spec) => !NODE_ENTRIES.some((entry) => file.startsWith(entry)) && isBuiltin(spec)),
    ).toEqual([]);
  });

  it('uses no Node globals outside the node and testing entries and the command line', () => {
    const nodeGlobal = /\b(process|Buffer|require|__dirname|__filename|global|setImmediate)\b\s*[.(]/;
    const uses = files
      .filter(({ file }) => !NODE_ENTRIES.some((entry) => file.startsWith(entry)))
      .flatMap(({ file, text }) =>
        text
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && nodeGlobal.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(uses).toEqual([]);
  });

  it('imports zod only as a namespace of zod/mini', () => {
    const zodImports = files.flatMap(({ file, text }) =>
      [...text.matchAll(/^import\b.*from\s+'(zod[^']*)'/gm)].map((match) => ({
        file,
        line: match[0],
        from: match[1],
      })),
    );
    expect(zodImports.length).toBeGreaterThan(0);
    expect(zodImports.filter(({ line }) => !/^import (type )?\* as z from 'zod\/mini'$/.test(line))).toEqual(
      [],
    );
  });

  it('marks every module-level construction pure, so unused schemas are dropped', () => {
    const unmarked = files.flatMap(({ file, text }) =>
      text
        .split('\n')
        .filter((line) => /^(export )?const \w+(: [^=]+)? = (?!\/\*@__PURE__\*\/)(new )?[\w.]+\(/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('gives each entry point explicit named exports only', () => {
    const entries = files.filter(
      ({ file }) => file === 'index.ts' || /^(v2\d\d|node|testing)\/index\.ts$/.test(file),
    );
    expect(entries.map(({ file }) => file).sort()).toEqual([
      'index.ts',
      'node/index.ts',
      'testing/index.ts',
      'v211/index.ts',
      'v221/index.ts',
    ]);
    // The exceptions, deliberate: a version entry re-exports what scripts/codegen writes, the list of
    // spec names (generated/exports.ts) and the compiled validators (generated/validators.ts), each
    // itself explicit; test/exports/*.txt still pins every name.
    const generatedLists = [
      "export * from './generated/exports';",
      "export * from './generated/validators';",
    ];
    const starExports = entries.flatMap(({ file, text }) =>
      text
        .split('\n')
        .filter((line) => /^export \* /.test(line))
        .map((line) => `${file}: ${line}`),
    );
    expect(starExports).toEqual(
      ['v211/index.ts', 'v221/index.ts'].flatMap((file) => generatedLists.map((line) => `${file}: ${line}`)),
    );
    const lists = files.filter(({ file }) => /^v2\d\d\/generated\/(exports|validators)\.ts$/.test(file));
    expect(lists.map(({ file }) => file).sort()).toEqual([
      'v211/generated/exports.ts',
      'v211/generated/validators.ts',
      'v221/generated/exports.ts',
      'v221/generated/validators.ts',
    ]);
    expect(lists.filter(({ text }) => /^export \* /m.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
