/**
 * The public names the curated layer adds to a version, read from the modules themselves: every export
 * of its primitives (src/v2xx/primitives.ts), and the top-level declarations of its curated schema
 * modules (src/v2xx/schemas/: PATCH bodies, queries and the like). The generated export list re-exports
 * them beside the spec's names, so that each is written once, where it is defined.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SpecVersion } from './model';
import { repositoryRoot } from './spec-dir';

/** Modules of the curated layer that only serve it or the generator: nothing of theirs is public. */
const INTERNAL_MODULES = new Set(['patch.ts', 'rules.ts', 'spec-rules.ts']);

/** One curated module's public names, `type X` for the type-only ones, in declaration order. */
export interface CuratedModule {
  /** The module as the generated export list imports it, e.g. `../schemas/locations`. */
  specifier: string;
  names: string[];
}

/** The primitives module of `version`, then its curated schema modules that declare public names. */
export function curatedExports(version: SpecVersion, root: string = repositoryRoot()): CuratedModule[] {
  const folder = path.join(root, 'src', `v${version.replaceAll('.', '')}`);
  const primitives = readFileSync(path.join(folder, 'primitives.ts'), 'utf8');
  const schemas = readdirSync(path.join(folder, 'schemas'))
    .filter((file) => file.endsWith('.ts') && !INTERNAL_MODULES.has(file))
    .sort()
    .map((file) => ({
      specifier: `../schemas/${file.slice(0, -'.ts'.length)}`,
      names: declaredNames(readFileSync(path.join(folder, 'schemas', file), 'utf8')),
    }));
  return [
    { specifier: '../primitives', names: [...declaredNames(primitives), ...reExportedNames(primitives)] },
    ...schemas,
  ].filter(({ names }) => names.length > 0);
}

// `export const X` and `export function X` are values; `export interface X` and `export type X` types.
// Re-exports (`export { X } from ...`) are not the module's own and are left out.
function declaredNames(text: string): string[] {
  return [...text.matchAll(/^export (const|function|interface|type) (\w+)/gm)].map(([, kind, name]) =>
    kind === 'interface' || kind === 'type' ? `type ${name}` : (name as string),
  );
}

// The names of `export { a, type B } from '...'` statements (and `export type { ... } from`).
function reExportedNames(text: string): string[] {
  return [...text.matchAll(/^export (type )?\{([^}]*)\} from '[^']+';/gm)].flatMap(
    ([, allTypes, list = '']) =>
      list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .map((name) => (allTypes && !name.startsWith('type ') ? `type ${name}` : name)),
  );
}
