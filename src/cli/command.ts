// What every `ocpi` subcommand is: its name, its help, and a run on a context that holds everything it
// touches (arguments, streams, environment), so that a test can run it in process as well as spawned.
import type { Readable, Writable } from 'node:stream';
import type { ExitCode } from './exit-codes';

/** Where a command reads and writes, and what it runs in. */
export interface CommandContext {
  /** The arguments after the command's name. */
  readonly args: readonly string[];
  readonly stdin: Readable;
  /** Results: what a script pipes on. */
  readonly stdout: Writable & { isTTY?: boolean | undefined };
  /** Progress and diagnostics. */
  readonly stderr: Writable & { isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths and globs are read from. */
  readonly cwd: string;
  /** Aborted on Ctrl-C (SIGINT/SIGTERM): a long-running command stops and cleans up. */
  readonly signal: AbortSignal;
}

/** An `ocpi` subcommand. */
export interface Command {
  /** As typed: `validate`, `check`... */
  readonly name: string;
  /** One line, for `ocpi --help`. */
  readonly summary: string;
  /** The whole `ocpi <name> --help` text: usage, options, examples. */
  readonly help: string;
  /** Runs the command; resolves to its exit code (see exit-codes.ts). */
  run(context: CommandContext): Promise<ExitCode>;
}
