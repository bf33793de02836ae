// `ocpi` itself: the usage, each command's help, the version, an unknown command, and colours only on a
// terminal without NO_COLOR. The usage (--help), the version, the unknown command and a validate from
// stdin run spawned, as a user runs them; the rest in process (with a stream that says it is a TTY where
// colours are asked about).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import { runCli, runCliInProcess } from '../support/run-cli';

// Spawned runs take a second or more each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const ESCAPE = '\u001b[';
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('ocpi', () => {
  it('prints the usage with every command, the exit codes and examples for --help, -h and no arguments', async () => {
    for (const [args, runner] of [
      [['--help'], runCli],
      [['-h'], runCliInProcess],
      [[], runCliInProcess],
    ] as const) {
      const run = await runner([...args]);
      expect(run.status).toBe(0);
      for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name}  `.trimEnd());
      expect(run.stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 .+\n {2}3 .+\n/);
      expect(run.stdout).toContain('Examples:');
      expect(run.stdout).not.toContain(ESCAPE);
    }
  });

  it('prints each command its help, with usage, options, exit codes and examples', async () => {
    for (const command of COMMANDS) {
      const run = await runCliInProcess([command.name, '--help']);
      expect(run.status, command.name).toBe(0);
      expect(run.stdout, command.name).toBe(command.help);
      expect(command.help, command.name).toMatch(new RegExp(`^Usage: ocpi ${command.name}`));
      for (const part of ['Options:', 'Exit codes:', 'Examples:'])
        expect(command.help, command.name).toContain(part);
    }
  });

  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('refuses an unknown command with exit code 2 and a hint', async () => {
    const run = await runCli(['valdate', 'x.json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'ocpi: unknown command valdate; did you mean validate?\nCommands: validate, check, mock, demo. See: ocpi --help\n',
    );
  });

  it('writes no escape codes when its output is not a terminal, with or without NO_COLOR', async () => {
    const input = JSON.stringify({ id: 'x', name: 'y'.repeat(300) });
    for (const [env, runner] of [
      [{}, runCli],
      [{ NO_COLOR: '1' }, runCliInProcess],
    ] as const) {
      const run = await runner(['validate', '--object', 'Location', '-'], { input, env });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('<stdin> name must have at most 255 characters');
      expect(run.stdout + run.stderr).not.toContain(ESCAPE);
    }
  });
});

describe('ocpi on a terminal', () => {
  const run = async (args: string[], env: Record<string, string>) => {
    const { status, stdout } = await runCliInProcess(args, {
      tty: true,
      env,
      input: JSON.stringify({ id: 'x' }),
    });
    return { code: status, stdout };
  };

  it('paints a failure on a terminal, and not when NO_COLOR is set', async () => {
    const coloured = await run(['validate', '--object', 'Location', '--version', '2.2.1', '-'], {});
    expect(coloured.code).toBe(1);
    expect(coloured.stdout).toContain(
      `${ESCAPE}31m<stdin> country_code required string is missing${ESCAPE}0m`,
    );
    const plain = await run(['validate', '--object', 'Location', '--version', '2.2.1', '-'], {
      NO_COLOR: '1',
    });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('<stdin> country_code required string is missing\n');
    expect(plain.stdout).not.toContain(ESCAPE);
  });
});
