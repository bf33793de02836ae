// `npm run mock`'s --faults: validated before anything is served, and made by the party it serves.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const MOCK = ['--import', 'tsx', 'scripts/mock.ts'];
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

describe('npm run mock -- --faults', () => {
  it('exits 2 naming the known faults when one is unknown', () => {
    const run = spawnSync(process.execPath, [...MOCK, '--faults', 'no-link,slow'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--faults: unknown fault "slow"; known: latency, busy-bursts, no-link');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a fault of the other version', () => {
    const run = spawnSync(process.execPath, [...MOCK, '--version', '2.2.1', '--faults', 'version-2.1'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('version-2.1 is a deviation of OCPI 2.1.1 parties only');
  });

  it('serves a party making the faults named', async () => {
    child = spawn(process.execPath, [...MOCK, '--role', 'cpo', '--faults', 'no-link, no-total'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    const [versionsUrl, , registeredToken] = await firstLines(lines, 3);
    const url = `${String(versionsUrl).replace(/\/versions$/, '')}/2.2.1/sender/locations`;
    const response = await fetch(url, {
      headers: { Authorization: `Token ${btoa(String(registeredToken))}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Link')).toBeNull();
    expect(response.headers.get('X-Total-Count')).toBeNull();
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(50);
  });
});

function firstLines(lines: ReturnType<typeof createInterface>, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const read: string[] = [];
    lines.on('line', (line) => {
      read.push(line);
      if (read.length === count) resolve(read);
    });
  });
}
