// Vitest global setup: where the spec is neither named (OCPI_SPEC_DIR), beside the checkout nor already
// fetched, the pinned commits are fetched and verified once before the tests, as `npm run spec:fetch`
// does. If that fails (no network), the run goes on: the tests that need no spec pass, and each one
// that does fails with the message saying where the spec was looked for.

import { resolveSpecDir, SPEC_DIR_ENV } from '../../scripts/codegen/spec-dir';

export default async function setup(): Promise<void> {
  if (process.env[SPEC_DIR_ENV]) return; // a named folder is the only place looked at
  try {
    resolveSpecDir();
    return;
  } catch {
    // Not beside the checkout and not fetched yet.
  }
  try {
    // Loaded only now: a run that finds the spec does not transform the fetcher first.
    const { fetchSpec } = await import('../../scripts/spec/fetch');
    const folder = await fetchSpec({
      log: (line) => console.log(line),
      // A network that swallows the request must not hold the test run: each archive gets 3 minutes.
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(180_000) }),
    });
    console.log(`OCPI spec fetched and verified: ${folder}`);
  } catch (error) {
    console.warn(`OCPI spec could not be fetched (${String(error)}): the tests that read it will fail.`);
  }
}
