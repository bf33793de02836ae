// The module a headless browser page loads: the checks, their report as JSON on `window.__result`, or the
// failure on `window.__error` (the page has no exit code to give).
import { type ChecksInput, runChecks } from './checks';

// Replaced by the input at bundle time (esbuild `define`), as in fixture.ts.
declare const FIXTURE_INPUT: ChecksInput;

const page = globalThis as { __result?: string; __error?: string };
try {
  page.__result = JSON.stringify(await runChecks(FIXTURE_INPUT));
} catch (error) {
  page.__error = error instanceof Error ? `${error.stack ?? error.message}` : String(error);
}
