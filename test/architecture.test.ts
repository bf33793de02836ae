// The rules of the source tree that a reviewer should not have to check by eye.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
// Only these entries may use Node built-ins; every other part must run in browsers, Deno, Bun and edge runtimes.
const NODE_ENTRIES = ['node/', 'testing/'];

const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file: relative(SRC, join(SRC, file)), text: readFileSync(join(SRC, file), 'utf8') }));

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map(
    (match) => match[1] as string,
  );
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
  });

  it('never lets 2.1.1 and 2.2.1 import each other', () => {
    expect(violations((file, spec) => inFolder(file, 'v211') && reaches(spec, 'v221'))).toEqual([]);
    expect(violations((file, spec) => inFolder(file, 'v221') && reaches(spec, 'v211'))).toEqual([]);
  });

  it('uses Node built-ins only in the node and testing entries', () => {
    const builtins = new Set(builtinModules);
    const isBuiltin = (spec: string) =>
      spec.startsWith('node:') || builtins.has(spec.split('/')[0] as string);
    expect(
      violations((file, spec) => !NODE_ENTRIES.some((entry) => file.startsWith(entry)) && isBuiltin(spec)),
    ).toEqual([]);
  });

  it('uses no Node globals outside the node and testing entries', () => {
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
      ({ file }) => file === 'index.ts' || /^(v2\d\d|node)\/index\.ts$/.test(file),
    );
    expect(entries.map(({ file }) => file).sort()).toEqual([
      'index.ts',
      'node/index.ts',
      'v211/index.ts',
      'v221/index.ts',
    ]);
    expect(entries.filter(({ text }) => /^export \* /m.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
