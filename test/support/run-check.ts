// Runs `ocpi check` as a user would, in a process of its own (through tsx), and gives back its exit
// status and output. The lead points it at src/cli/bin.ts once the bin is merged.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('./check-bin.ts', import.meta.url));

/** What a spawned run printed, and how it ended. */
export interface CheckRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `ocpi check <args>` in a child process; `env` is added to this process's environment. */
export function runCheckCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CheckRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
