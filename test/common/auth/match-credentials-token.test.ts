import { describe, expect, it } from 'vitest';
import { formatAuthorizationHeader, matchCredentialsToken } from '../../../src';

interface Partner {
  name: string;
}

const cpo: Partner = { name: 'CPO with a plain token' };
const emsp: Partner = { name: 'eMSP' };
// 'dG9rZW4x' is itself valid Base64 (of 'token1'): a raw token can look encoded.
const partners = new Map<string, Partner>([
  ['plain-token', cpo],
  ['emsp-token', emsp],
]);
const lookup = async (token: string) => partners.get(token);

describe('matchCredentialsToken', () => {
  it('accepts a Base64 header in base64 mode and says so', async () => {
    const header = formatAuthorizationHeader('emsp-token', { version: '2.2.1' });
    await expect(matchCredentialsToken(header, lookup, { accept: 'base64' })).resolves.toEqual({
      matched: true,
      partner: emsp,
      token: 'emsp-token',
      encoding: 'base64',
    });
  });

  it('accepts a raw header in raw mode, and refuses it in base64 mode', async () => {
    await expect(
      matchCredentialsToken('Token plain-token', lookup, { accept: 'raw' }),
    ).resolves.toMatchObject({
      matched: true,
      partner: cpo,
      encoding: 'raw',
    });
    await expect(matchCredentialsToken('Token plain-token', lookup, { accept: 'base64' })).resolves.toEqual({
      matched: false,
      reason: 'malformed',
    });
  });

  it('in both mode, reports which form matched', async () => {
    const raw = await matchCredentialsToken('Token plain-token', lookup, { accept: 'both' });
    const encoded = await matchCredentialsToken(`Token ${btoa('emsp-token')}`, lookup, { accept: 'both' });
    expect(raw).toMatchObject({ matched: true, partner: cpo, encoding: 'raw' });
    expect(encoded).toMatchObject({ matched: true, partner: emsp, encoding: 'base64' });
  });

  it('in both mode, finds a raw token that happens to be valid Base64', async () => {
    const store = new Map([['dG9rZW4x', cpo]]);
    const match = await matchCredentialsToken('Token dG9rZW4x', async (token) => store.get(token), {
      accept: 'both',
    });
    expect(match).toMatchObject({ matched: true, partner: cpo, token: 'dG9rZW4x', encoding: 'raw' });
  });

  it('in both mode, refuses a header whose two readings belong to two partners', async () => {
    const store = new Map([
      ['dG9rZW4x', cpo],
      ['token1', emsp],
    ]);
    await expect(
      matchCredentialsToken('Token dG9rZW4x', async (token) => store.get(token), { accept: 'both' }),
    ).resolves.toEqual({ matched: false, reason: 'ambiguous' });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['Bearer emsp-token', 'missing'],
    ['Token unknown-token', 'unknown'],
    [`Token ${btoa('unknown-token')}`, 'unknown'],
  ] as const)('gives %j the reason %s', async (header, reason) => {
    await expect(matchCredentialsToken(header, lookup, { accept: 'both' })).resolves.toEqual({
      matched: false,
      reason,
    });
  });

  it('works with a synchronous lookup', async () => {
    const match = await matchCredentialsToken('Token plain-token', (token) => partners.get(token), {
      accept: 'raw',
    });
    expect(match).toMatchObject({ matched: true, partner: cpo });
  });
});
