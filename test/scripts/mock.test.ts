// `npm run mock`: its arguments checked before anything is served (in process), a wrong one ending the
// script with 2, and the faults named made by the party it serves.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { mockOptions } from '../../src/testing/mock-options';

const MOCK = ['--import', 'tsx', 'scripts/mock.ts'];
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

describe('npm run mock: its arguments', () => {
  it('names the known faults when one is unknown', () => {
    expect(mockOptions(['--faults', 'no-link,slow'])).toEqual({
      error: expect.stringContaining('--faults: unknown fault "slow"; known: latency, busy-bursts, no-link'),
    });
  });

  it('refuses a fault of the other version', () => {
    expect(mockOptions(['--version', '2.2.1', '--faults', 'version-2.1'])).toEqual({
      error: expect.stringContaining('version-2.1 is a deviation of OCPI 2.1.1 parties only'),
    });
  });

  it('refuses a role, version, port or option it does not know, and reads the good ones', () => {
    expect(mockOptions(['--role', 'cp'])).toEqual({ error: '--role must be cpo, emsp or hub, not cp' });
    expect(mockOptions(['--version', '2.2'])).toEqual({ error: '--version must be 2.2.1 or 2.1.1, not 2.2' });
    expect(mockOptions(['--port', '70000'])).toEqual({ error: '--port must be a port number, not 70000' });
    expect(mockOptions(['--colour'])).toEqual({ error: expect.stringContaining('--colour') });
    expect(
      mockOptions(['--role', 'hub', '--version', '2.2.1', '--port', '4100', '--faults', 'latency']),
    ).toEqual({
      role: 'HUB',
      version: '2.2.1',
      port: 4100,
      faults: ['latency'],
    });
  });
});

describe('npm run mock', () => {
  it('exits 2 with the message, serving nothing, on a wrong argument', () => {
    const run = spawnSync(process.execPath, [...MOCK, '--faults', 'no-link,slow'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--faults: unknown fault "slow"');
    expect(run.stdout).toBe('');
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
