// Runs the `ocpi` command line from the source: as a user does, in a process of its own through tsx
// (`runCli` for a command that ends, `startCli` for one that serves until stopped), or in this process on
// a context of streams (`runCliInProcess`, `startCliInProcess`), which skips the second or so each process
// takes to start. The same `main` runs either way: the bin only hands it a context on `process`.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';

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

/** Options of a run in process: those of a spawned run, and whether stdout and stderr say they are a TTY. */
export interface InProcessCliOptions extends CliOptions {
  tty?: boolean;
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

/** A stream that collects what is written to it (`collected()` once ended), and is a terminal or not. */
function outputStream(tty: boolean) {
  let written = '';
  const stream = new PassThrough().setEncoding('utf8');
  // A listener of its own, so that another reader (the lines of `startCliInProcess`) sees every chunk too.
  stream.on('data', (chunk: string) => {
    written += chunk;
  });
  const ended = finished(stream);
  const collected = async () => {
    await ended;
    return written;
  };
  return Object.assign(stream, { isTTY: tty, collected });
}

// What a run in process could change in this one and a spawned run cannot: each must be the same after.
function processState(): string {
  return JSON.stringify({
    cwd: process.cwd(),
    exitCode: process.exitCode ?? null,
    sigint: process.listenerCount('SIGINT'),
    sigterm: process.listenerCount('SIGTERM'),
    env: process.env,
  });
}

/** A run of `main` in this process: its exit code and output once it ends, and its Ctrl-C. */
function startMain(args: string[], options: InProcessCliOptions) {
  const before = processState();
  const controller = new AbortController();
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const stdout = outputStream(options.tty ?? false);
  const stderr = outputStream(options.tty ?? false);
  const done = (async (): Promise<CliRun> => {
    let status: number;
    try {
      status = await main({
        args,
        stdin,
        stdout,
        stderr,
        // A copy: a command that changed its environment would change only its own.
        env: Object.freeze(environment(options.env)),
        cwd: options.cwd ?? ROOT,
        signal: controller.signal,
      });
    } finally {
      stdout.end();
      stderr.end();
    }
    const after = processState();
    if (after !== before) {
      throw new Error(`ocpi ${args.join(' ')} changed this process: ${before} became ${after}`);
    }
    return { status, stdout: await stdout.collected(), stderr: await stderr.collected() };
  })();
  return { done, stdout, controller };
}

/**
 * Runs `ocpi <args>` to its end in this process, on a context of streams, the given environment (added
 * to this one, as `runCli` does) and working directory. Answers as `runCli` does; a command that throws
 * rejects (where a process would print the error and exit 1), and so does one that changed the working
 * directory, the exit code, the environment or the signal listeners of this process.
 */
export async function runCliInProcess(args: string[], options: InProcessCliOptions = {}): Promise<CliRun> {
  return startMain(args, options).done;
}

/** A long-running `ocpi` command in this process, its stdout line by line, and its Ctrl-C. */
export interface StartedInProcessCli {
  lines(): AsyncIterator<string>;
  /** Aborts its signal, as Ctrl-C or SIGTERM does, and resolves to its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `ocpi <args>` in this process without waiting for its end: stop it with `stop()`. */
export function startCliInProcess(
  args: string[],
  options: Omit<InProcessCliOptions, 'input'> = {},
): StartedInProcessCli {
  const { done, stdout, controller } = startMain(args, options);
  // Not unhandled while it runs: `stop` hands its failure on.
  done.catch(() => undefined);
  const iterator = createInterface({ input: stdout })[Symbol.asyncIterator]();
  return {
    lines: () => iterator,
    stop: async () => {
      controller.abort();
      return (await done).status;
    },
  };
}
