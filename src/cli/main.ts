// `ocpi`: picks the subcommand named by the first argument and runs it on the context, or prints the
// usage, the version, or a command's help. Takes a context rather than the process, so that tests can
// run it in process as well as spawned.
import type { Command, CommandContext } from './command';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNAVAILABLE, EXIT_USAGE, type ExitCode } from './exit-codes';
import { packageVersion } from './package-version';

const HELP_FLAGS = /*@__PURE__*/ new Set(['--help', '-h']);

/** `ocpi --help`: every command with its summary, the exit codes, and examples. */
export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: ocpi <command> [options]

The command line of @org/ocpi, the OCPI 2.1.1 and 2.2.1 SDK.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help      this help; "ocpi <command> --help" for a command's
  --version       the version of @org/ocpi

Exit codes:
  ${EXIT_OK}  everything checked was right
  ${EXIT_PROBLEMS}  problems found (an invalid payload, a failing check)
  ${EXIT_USAGE}  wrong command line (unknown command or option, missing argument)
  ${EXIT_UNAVAILABLE}  the work could not be done (an unreadable file, a partner out of reach)

Colours only on a terminal, and never when NO_COLOR is set.

Examples:
  ocpi validate location.json
  ocpi validate --mode lenient --format json 'payloads/*.json'
  OCPI_TOKEN=... ocpi check https://cpo.example.com/ocpi/versions --party NL/ABC --report report.html
  ocpi mock --role cpo --version 2.2.1
  ocpi demo --locations 50
`;
}

/** Runs `ocpi` with `context.args` as the whole command line (the command's name first). */
export async function main(context: CommandContext): Promise<ExitCode> {
  const [name, ...rest] = context.args;
  if (name === undefined || HELP_FLAGS.has(name)) {
    context.stdout.write(usage());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    context.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const hint = name.startsWith('-')
      ? `unknown option ${name}`
      : `unknown command ${name}${nearest(name) ? `; did you mean ${nearest(name)}?` : ''}`;
    context.stderr.write(
      `ocpi: ${hint}\nCommands: ${COMMANDS.map((c) => c.name).join(', ')}. See: ocpi --help\n`,
    );
    return EXIT_USAGE;
  }
  // Before a `--`, a help flag anywhere asks for the command's help, whatever else is there.
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => HELP_FLAGS.has(arg))) {
    context.stdout.write(command.help);
    return EXIT_OK;
  }
  return command.run({ ...context, args: rest });
}

// The command a mistyped name most likely meant: one that starts the same or is one edit away.
function nearest(name: string): string | undefined {
  return COMMANDS.map((command) => command.name).find(
    (candidate) =>
      candidate.startsWith(name) || name.startsWith(candidate) || editDistance(candidate, name) <= 2,
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
