// `ocpi check` as a command: exit codes, report files, --register, and the tokens kept out of every
// output; and the HTML report of a check of `ocpi mock` opened in headless Chromium from file://. The
// clean run with its HTML report, a partner refusing the token, and the mock with the check of it run
// spawned, as a user runs them; the rest in process.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import chromium from '@sparticuz/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalParty, serveLocally } from '../../src/testing/serve-locally';
import { simulatedCpo } from '../../src/testing/simulated-cpo';
import { runCli, runCliInProcess, startCli } from '../support/run-cli';

const SIZE = { locations: 24, sessions: 16, pageLimit: 10 };
let dir: string;
let clean: LocalParty<unknown>;
let faulty: LocalParty<unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocpi-check-'));
  clean = (await serveLocally((baseUrl) =>
    simulatedCpo({ version: '2.2.1', baseUrl, ...SIZE }),
  )) as LocalParty<unknown>;
  faulty = (await serveLocally((baseUrl) =>
    simulatedCpo({ version: '2.2.1', baseUrl, ...SIZE, faults: ['no-link', 'invalid-item'] }),
  )) as LocalParty<unknown>;
});

afterAll(async () => {
  await Promise.all([clean?.close(), faulty?.close()]);
  await rm(dir, { recursive: true, force: true });
});

// Every token of a party, and their Base64 forms: none may show anywhere.
function expectNoTokens(texts: readonly string[], party: LocalParty<unknown>): void {
  for (const token of [party.tokenA, party.registeredToken]) {
    for (const form of [token, Buffer.from(token).toString('base64')]) {
      for (const text of texts) expect(text.includes(form)).toBe(false);
    }
  }
}

describe('ocpi check', { timeout: 30_000 }, () => {
  it('exits 0 for a clean partner, writes an HTML report, and shows no token (spawned)', async () => {
    const report = join(dir, 'clean.html');
    const run = await runCli([
      'check',
      clean.versionsUrl,
      `--token=${clean.registeredToken}`,
      '--report',
      report,
    ]);
    expect(run.stderr).toContain(`report written to ${report}`);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^OK: 8 modules, 5 endpoints checked, 62 objects; 0 failures/m);
    expect(run.stdout).not.toContain('\u001b[');
    const html = await readFile(report, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/i);
    expectNoTokens([run.stdout, run.stderr, html], clean);
  });

  it('shows its progress on a terminal (redrawn in place on stderr), and none when piped', async () => {
    const args = ['check', clean.versionsUrl, `--token=${clean.registeredToken}`];
    const terminal = await runCliInProcess(args, { tty: true });
    expect(terminal.status).toBe(0);
    expect(terminal.stderr).toContain('versions and version details');
    expect(terminal.stderr).toMatch(/locations SENDER: page \d+, \d+/);
    expect(terminal.stderr).toContain('\r\u001b[2K');
    const piped = await runCliInProcess(args);
    expect(piped.stderr).not.toContain('versions and version details');
    expectNoTokens([terminal.stdout, terminal.stderr], clean);
  });

  it('exits 1 for a partner with failures, with Markdown and JSON reports that say why', async () => {
    const report = join(dir, 'faulty.md');
    const run = await runCliInProcess([
      'check',
      faulty.versionsUrl,
      `--token=${faulty.registeredToken}`,
      '--report',
      report,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ reportVersion: 1, summary: { status: 'fail' } });
    const markdown = await readFile(report, 'utf8');
    expect(markdown).toContain('## locations (fail)');
    expect(markdown).toContain('carried no Link to the next page');
    expectNoTokens([run.stdout, run.stderr, markdown], faulty);
  });

  it('registers with token A, checks with token C, unregisters, and shows none of them', async () => {
    const party = (await serveLocally((baseUrl) =>
      simulatedCpo({ version: '2.1.1', baseUrl, ...SIZE }),
    )) as LocalParty<unknown>;
    // Every token the CPO stores (token B it receives, token C it mints for us), seen as it saves them.
    const stored = new Set<string>();
    const save = party.store.save.bind(party.store);
    party.store.save = (record) => {
      for (const token of [record.incomingToken, record.outgoingToken]) if (token) stored.add(token);
      return save(record);
    };
    try {
      const report = join(dir, 'registered.json');
      const run = await runCliInProcess([
        'check',
        party.versionsUrl,
        `--token=${party.tokenA}`,
        '--register',
        '--report',
        report,
      ]);
      expect(run.status).toBe(0);
      const text = await readFile(report, 'utf8');
      expect(JSON.parse(text).registration).toMatchObject({ status: 'ok', unregistered: true });
      // Token B, which we sent it, and token C, which it minted for us.
      expect(stored.size).toBeGreaterThanOrEqual(2);
      for (const token of stored) {
        for (const output of [run.stdout, run.stderr, text]) expect(output.includes(token)).toBe(false);
      }
      expectNoTokens([run.stdout, run.stderr, text], party);
    } finally {
      await party.close();
    }
  });

  it('exits 2 on wrong arguments and 3 when the partner cannot be reached or refuses the token (spawned)', async () => {
    const usage = await runCliInProcess([
      'check',
      clean.versionsUrl,
      '--token',
      'x',
      '--report',
      join(dir, 'r.txt'),
    ]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--report must name a .html, .md or .json file');
    const refused = await runCli(['check', clean.versionsUrl, '--token', 'not-a-known-token']);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('refused the token');
    expect(refused.stderr).not.toContain('not-a-known-token');
    const unreachable = await runCliInProcess([
      'check',
      'http://127.0.0.1:9/ocpi/versions',
      '--token',
      'secret-token-1',
    ]);
    expect(unreachable.status).toBe(3);
    expect(unreachable.stderr).not.toContain('secret-token-1');
    const help = await runCliInProcess(['check', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('writes an HTML report of `ocpi mock` that headless Chromium opens from file:// with a table per module (spawned)', async () => {
    // As a user runs them: `ocpi mock` in one process, `ocpi check` against it in another.
    const mock = startCli(['mock', '--role', 'cpo', '--version', '2.2.1']);
    let run: Awaited<ReturnType<typeof runCli>>;
    const report = join(dir, 'browser.html');
    try {
      const lines = mock.lines();
      const versionsUrl = String((await lines.next()).value);
      await lines.next();
      const registeredToken = String((await lines.next()).value);
      run = await runCli([
        'check',
        versionsUrl,
        `--token=${registeredToken}`,
        '--report',
        report,
        '--format',
        'json',
      ]);
    } finally {
      mock.child.kill('SIGTERM');
    }
    expect(run.status).toBe(0);
    const expected = JSON.parse(run.stdout).modules.map(
      (module: { module: string; endpoints: unknown[] }) => [module.module, module.endpoints.length],
    );
    const { chromium: playwright } = await import('playwright-core');
    const browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(report).href);
      const tables = await page.$$eval('table[data-module]', (elements) =>
        elements.map((table) => [
          table.getAttribute('data-module'),
          table.querySelectorAll('tbody tr').length,
        ]),
      );
      expect(tables).toEqual(expected);
      expect(tables.map(([module]) => module)).toContain('locations');
    } finally {
      await browser.close();
    }
  });
});
