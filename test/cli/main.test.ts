// `ocpi` itself, run as a user runs it: the usage, each command's help, the version, an unknown command,
// and colours only on a terminal without NO_COLOR (in process, with a stream that says it is a TTY).
import { readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import { main } from '../../src/cli/main';
import { runCli } from '../support/run-cli';

vi.setConfig({ testTimeout: 60_000 });

const ESCAPE = '\u001b[';
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('ocpi (spawned)', () => {
  it('prints the usage with every command, the exit codes and examples for --help, -h and no arguments', async () => {
    for (const args of [['--help'], ['-h'], []]) {
      const run = await runCli(args);
      expect(run.status).toBe(0);
      for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name}  `.trimEnd());
      expect(run.stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 .+\n {2}3 .+\n/);
      expect(run.stdout).toContain('Examples:');
      expect(run.stdout).not.toContain(ESCAPE);
    }
  });

  it('prints each command its help, with usage, options, exit codes and examples', async () => {
    for (const command of COMMANDS) {
      const run = await runCli([command.name, '--help']);
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
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const run = await runCli(['validate', '--object', 'Location', '-'], { input, env });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('<stdin> name must have at most 255 characters');
      expect(run.stdout + run.stderr).not.toContain(ESCAPE);
    }
  });
});

describe('ocpi (in process)', () => {
  function terminal(): Writable & { isTTY: boolean; text: () => string } {
    let text = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    return Object.assign(stream, { isTTY: true, text: () => text });
  }
  const run = async (args: string[], env: Record<string, string>) => {
    const stdout = terminal();
    const stderr = terminal();
    const stdin = new PassThrough();
    stdin.end(JSON.stringify({ id: 'x' }));
    const code = await main({
      args,
      stdin,
      stdout,
      stderr,
      env,
      cwd: process.cwd(),
      signal: new AbortController().signal,
    });
    return { code, stdout: stdout.text() };
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
