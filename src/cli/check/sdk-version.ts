import { readFileSync } from 'node:fs';

/**
 * The version of this package, read from its package.json: three levels above this module both in the
 * sources (src/cli/check) and in the build (dist/cli/check).
 */
export function sdkVersion(): string {
  try {
    const json = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(json) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
