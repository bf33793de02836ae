// `ocpi mock` run as a user runs it, answering the SDK's own client over loopback in both versions, and
// stopping cleanly on SIGTERM; and `ocpi demo`, spawned once with a small tour.
import { connect, partnerUrlPolicy } from '@org/ocpi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, type StartedCli, startCli } from '../support/run-cli';

vi.setConfig({ testTimeout: 90_000 });

let started: StartedCli | undefined;
afterEach(() => {
  started?.child.kill('SIGKILL');
  started = undefined;
});

async function firstLines(cli: StartedCli, count: number): Promise<string[]> {
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
  it.each(['2.2.1', '2.1.1'] as const)(
    'serves a %s CPO that the SDK client reads Locations from',
    async (version) => {
      started = startCli(['mock', '--role', 'cpo', '--version', version]);
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
      const exited = new Promise<number | null>((resolve) => started?.child.on('exit', resolve));
      started.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );

  it('exits 2 on a wrong argument, serving nothing', async () => {
    const run = await runCli(['mock', '--role', 'cp']);
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
    const run = await runCli(['demo', '--versions-url', 'http://127.0.0.1:1/versions']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--versions-url and --token go together');
  });
});
