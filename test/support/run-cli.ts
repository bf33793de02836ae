// Runs the `ocpi` command line as a user does, in a process of its own, from the source (through tsx):
// `runCli` for a command that ends, `startCli` for one that serves until stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// By absolute paths, so that a run from another working directory (a temporary folder) finds them.
const BIN = [
  '--import',
  new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href,
  fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url)),
];

/** What a finished run printed and exited with. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a run: text for its stdin, variables added to its environment, its working directory. */
export interface CliOptions {
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

// The environment of a run: this one without what would turn colours on or off behind a test's back.
function environment(env: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...rest } = process.env;
  return { ...rest, ...env };
}

/** Runs `ocpi <args>` to its end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: environment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A long-running `ocpi` process, and its stdout line by line. */
export interface StartedCli {
  child: ChildProcess;
  lines(): AsyncIterator<string>;
}

/** Starts `ocpi <args>` without waiting for its end: stop it with `child.kill()`. */
export function startCli(args: string[], options: Omit<CliOptions, 'input'> = {}): StartedCli {
  const child = spawn(process.execPath, [...BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reader = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const iterator = reader[Symbol.asyncIterator]();
  return { child, lines: () => iterator };
}
