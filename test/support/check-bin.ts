// Test-only: runs `ocpi check` with the process's streams and exits with its code, as the real bin will
// (src/cli/bin.ts, written alongside); test/support/run-check.ts spawns this file.
import { check } from '../../src/cli/commands/check';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
const code = await check.run({
  args: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
