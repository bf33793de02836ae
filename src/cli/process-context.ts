// The context of a command run by this process: its streams, environment and working directory, and
// an AbortSignal fired by the first Ctrl-C (SIGINT) or SIGTERM; a second one ends the process at once.
import type { CommandContext } from './command';
import type { ExitCode } from './exit-codes';

/** A context on `process` with `args`; the signal listeners are removed when `dispose` is called. */
export function processContext(args: readonly string[]): CommandContext & { dispose(): void } {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    args,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Runs `run` on a context of this process with `args`, and sets the process's exit code to its answer. */
export async function runOnProcess(
  run: (context: CommandContext) => Promise<ExitCode>,
  args: readonly string[],
): Promise<void> {
  const context = processContext(args);
  try {
    process.exitCode = await run(context);
  } finally {
    context.dispose();
  }
}
