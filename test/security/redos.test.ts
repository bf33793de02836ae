// No regex in src/ may backtrack super-linearly on what a partner sends (issue #10, finding 3): a path of
// 64,000 slashes cost 2.85 s in the route matcher, before authentication. Timing is no test: the static
// check is ESLint's, which the lint script runs over src/ in CI (linting src/ here again cost two seconds
// of a cold run). Here: that it is wired so, and that it catches the regexes the issue found. The rest
// shows that the scanners replacing those regexes still give the answers the regexes gave.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandInbox } from '@org/ocpi';
import { createClient } from '@org/ocpi/v221';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { decodeBase64Utf8 } from '../../src/common/auth/base64';
import { trimTrailing } from '../../src/common/text/trim-trailing';
import { mintToken } from '../../src/server/partners/mint-token';
import { basePathOf, matchRoute } from '../../src/server/routes';
import { partnerRequest, readEnvelope, setup } from '../registration/support';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLASHES = '/'.repeat(64_000);
const REDOS_RULES = ['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move'];

const eslint = new ESLint({ cwd: ROOT });

describe('static ReDoS check', () => {
  it('is part of the lint script, which CI runs', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.lint).toMatch(/\beslint src\b/);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm run lint$/m);
  });

  it('checks every source file with both rules as errors', async () => {
    const config = await eslint.calculateConfigForFile(join(ROOT, 'src/server/routes.ts'));
    for (const rule of REDOS_RULES) expect([2, 'error']).toContain([config.rules[rule]].flat()[0]);
  });

  it('flags a regex that moves or backtracks super-linearly, as the route matcher’s did', async () => {
    // The route matcher's regex before the fix, and a textbook case, in a file the configuration covers
    // (linted as text, never written), beside a linear one.
    const before = [
      "export const trimmed = (path: string) => path.replace(/\\/+$/, '');",
      'export const nested = (text: string) => /^(?:a+)+$/.test(text);',
      'export const linear = (text: string) => /^[a-z]+$/.test(text);',
    ].join('\n');
    const [result] = await eslint.lintText(before, { filePath: join(ROOT, 'src/redos-probe.ts') });
    expect(result?.messages.map(({ line, ruleId }) => `${line} ${ruleId}`)).toEqual([
      '1 regexp/no-super-linear-move',
      '2 regexp/no-super-linear-backtracking',
    ]);
  });

  it('sees every regex: none is built at run time from a string', () => {
    const dir = join(ROOT, 'src');
    const built = (readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /\bRegExp\s*\(/.test(readFileSync(join(dir, file), 'utf8')));
    expect(built).toEqual([]);
  });
});

describe('trimTrailing', () => {
  it.each([
    ['', '/', ''],
    ['/', '/', ''],
    ['///', '/', ''],
    ['/ocpi', '/', '/ocpi'],
    ['/ocpi//', '/', '/ocpi'],
    ['a//b//', '/', 'a//b'],
    ['QQ==', '=', 'QQ'],
    ['=a=', '=', '=a'],
  ])('trims %j of its trailing %j to %j', (text, character, expected) => {
    expect(trimTrailing(text, character)).toBe(expected);
  });

  it('handles a long run followed by something else, the input that made the regex quadratic', () => {
    expect(trimTrailing(`${SLASHES}x`, '/')).toBe(`${SLASHES}x`);
    expect(trimTrailing(`x${SLASHES}`, '/')).toBe('x');
  });
});

describe('route matching with many slashes', () => {
  it('matches a path ending in 64,000 slashes as the path without them', () => {
    const url = new URL(`https://emsp.example.com/ocpi/versions${SLASHES}`);
    expect(matchRoute(url, '/ocpi', ['2.2.1'])).toEqual({ kind: 'versions' });
    expect(
      matchRoute(new URL(`https://emsp.example.com/ocpi/2.2.1/credentials${SLASHES}`), '/ocpi', ['2.2.1']),
    ).toEqual({ kind: 'credentials', version: '2.2.1' });
  });

  it('finds no route for 64,000 slashes followed by a segment', () => {
    const url = new URL(`https://emsp.example.com/ocpi/versions${SLASHES}x`);
    expect(matchRoute(url, '/ocpi', ['2.2.1'])).toBeUndefined();
  });

  it('drops the trailing slashes of the base path', () => {
    expect(basePathOf(`https://emsp.example.com/ocpi${SLASHES}`)).toBe('/ocpi');
  });

  it('answers an unauthenticated request with such a path with 401, and a hostile one with 404', async () => {
    const { handle } = await setup();
    await readEnvelope(await handle(partnerRequest('GET', `/versions${SLASHES}`)), 401);
    await readEnvelope(await handle(partnerRequest('GET', `/versions${SLASHES}x`)), 404);
  });
});

describe('the other places that used the quadratic patterns', () => {
  it('CommandInbox matches a response_url whatever its trailing slashes', async () => {
    const inbox = new CommandInbox<string>();
    const expected = inbox.expect('https://emsp.example.com/commands/START_SESSION/1');
    expect(inbox.deliver(`https://emsp.example.com/commands/START_SESSION/1${SLASHES}`, 'ACCEPTED')).toBe(
      true,
    );
    await expect(expected.wait(1_000)).resolves.toBe('ACCEPTED');
    expect(inbox.deliver(`https://emsp.example.com/commands/START_SESSION/1${SLASHES}x`, 'ACCEPTED')).toBe(
      false,
    );
  });

  it('a client joins an endpoint ending in slashes and an operation path without them', async () => {
    const called: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      called.push(input instanceof Request ? input.url : String(input));
      return new Response('{}', { status: 500 });
    };
    // Within the spec's 255 characters, which a partner's URL must keep to.
    const endpoint = `https://cpo.example.com/ocpi/locations${'/'.repeat(200)}`;
    const client = createClient({
      token: 'token-for-cpo',
      endpoints: [{ identifier: 'locations', role: 'SENDER', url: endpoint }],
      fetch: fetch as typeof globalThis.fetch,
      retry: { limit: 0 },
    });
    await expect(client.locations.sender.getLocation({ params: { location_id: 'LOC1' } })).rejects.toThrow();
    expect(called).toEqual(['https://cpo.example.com/ocpi/locations/LOC1']);
  });

  it('Base64 decoding still strips padding and refuses misplaced padding', () => {
    expect(decodeBase64Utf8('dG9rZW4=')).toBe('token');
    expect(decodeBase64Utf8('dG9rZW4')).toBe('token');
    expect(decodeBase64Utf8('dG9r=W4=')).toBeUndefined();
    expect(decodeBase64Utf8(`QQ${'='.repeat(64_000)}x`)).toBeUndefined();
  });

  it('minted tokens are URL-safe Base64 without padding', () => {
    for (let i = 0; i < 20; i++) expect(mintToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
