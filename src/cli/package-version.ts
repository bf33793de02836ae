// The version of the installed package, read from its package.json at run time: two folders up from
// this module both in src/cli/ and in dist/cli/, so that the source and the build say the same.
import { readFileSync } from 'node:fs';

/** `0.1.0`: the `version` of @org/ocpi's package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
