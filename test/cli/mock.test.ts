// `ocpi mock` answering the SDK's own client over loopback in both versions and stopping cleanly, spawned
// as a user runs it (stopped by SIGTERM) in 2.2.1 and in process (stopped by its signal) in 2.1.1; and
// `ocpi demo`, spawned once with a small tour.
import { connect, partnerUrlPolicy } from '@org/ocpi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, runCliInProcess, startCli, startCliInProcess } from '../support/run-cli';

vi.setConfig({ testTimeout: 90_000 });

/** A served `ocpi mock`, spawned or in process: its stdout lines, and its stop with the exit code. */
interface Served {
  lines(): AsyncIterator<string>;
  stop(): Promise<number | null>;
}

// What ends the one still running when a test fails before stopping it.
let cleanup: (() => unknown) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const serve = {
  spawned(args: string[]): Served {
    const { child, lines } = startCli(args);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    cleanup = () => child.kill('SIGKILL');
    return {
      lines,
      stop: () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  },
  'in process'(args: string[]): Served {
    const started = startCliInProcess(args);
    cleanup = () => started.stop();
    return started;
  },
};

async function firstLines(cli: Served, count: number): Promise<string[]> {
  const lines: string[] = [];
  const iterator = cli.lines();
  while (lines.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`ocpi mock ended after ${lines.length} lines`);
    lines.push(next.value);
  }
  return lines;
}

describe('ocpi mock', () => {
  it.each([
    ['2.2.1', 'spawned'],
    ['2.1.1', 'in process'],
  ] as const)(
    'serves a %s CPO that the SDK client reads Locations from, and stops with exit code 0 (%s)',
    async (version, how) => {
      const started = serve[how](['mock', '--role', 'cpo', '--version', version]);
      const [versionsUrl = '', tokenA = '', registered = ''] = await firstLines(started, 3);
      expect(versionsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/versions$/);
      expect(tokenA).not.toBe('');
      expect(registered).not.toBe(tokenA);
      const client = await connect({
        versionsUrl,
        token: registered,
        from: null,
        versions: [version],
        allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
        validation: 'strict',
      });
      expect(client.version).toBe(version);
      const page =
        client.version === '2.2.1'
          ? await client.locations.sender.list().toArray({ limit: 5 })
          : await client.locations.cpo.list().toArray({ limit: 5 });
      expect(page).toHaveLength(5);
      const stopped = started.stop();
      cleanup = undefined;
      expect(await stopped).toBe(0);
    },
  );

  it('exits 2 on a wrong argument, serving nothing', async () => {
    const run = await runCliInProcess(['mock', '--role', 'cp']);
    expect(run).toEqual({ status: 2, stdout: '', stderr: '--role must be cpo, emsp or hub, not cp\n' });
  });
});

describe('ocpi demo', () => {
  it('runs the tour over a few Locations and exits 0', async () => {
    const run = await runCli(['demo', '--version', '2.2.1', '--locations', '5']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('OCPI 2.2.1');
    expect(run.stdout).toContain('registered in 2.2.1');
    expect(run.stdout).toContain('synced 5 Locations in 1 pages');
    expect(run.stdout).toContain('started session by command: ACCEPTED');
    expect(run.stdout).toMatch(/\n2\.2\.1 +5 +1 /);
    expect(run.stdout).not.toContain('OCPI 2.1.1');
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.status).toBe(0);
  });

  it('exits 2 when --versions-url comes without --token', async () => {
    const run = await runCliInProcess(['demo', '--versions-url', 'http://127.0.0.1:1/versions']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--versions-url and --token go together');
  });
});
