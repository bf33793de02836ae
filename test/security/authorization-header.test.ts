// Issue #10, finding 11: the Authorization value is checked before any store lookup. A credentials token
// is printable ASCII without whitespace and at most 64 characters in both versions; anything else (a NUL
// byte, control characters, a megabyte, Base64 that decodes to bytes outside printable ASCII) belongs to
// no partner and gets the 401 of an unknown token without the store ever seeing it. The store here
// behaves like PostgreSQL, whose text type cannot hold NUL: before the check, `Token AA==` was a 500.
import { authenticatePartner, matchCredentialsToken } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { InMemoryPartnerStore } from '../../src/server/partners/partner-store';
import { partnerRequest, readEnvelope, setup, TOKEN_A } from '../registration/support';

type Accept = 'raw' | 'base64' | 'both';

/** An in-memory store that fails on NUL as PostgreSQL text does, and records every token looked up. */
class PostgresLikeStore extends InMemoryPartnerStore {
  readonly lookups: string[] = [];

  override async findByToken(token: string) {
    this.lookups.push(token);
    if (token.includes('\u0000')) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    return super.findByToken(token);
  }
}

async function handlerWith(accept: Accept) {
  const store = new PostgresLikeStore();
  await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  const errors: unknown[] = [];
  const { handle } = await setup({
    store,
    acceptTokenEncoding: accept,
    onError: (error) => errors.push(error),
  });
  return { store, handle, errors };
}

const A_MEGABYTE = 'a'.repeat(1 << 20);
const PRINTABLE_65 = `${'x'.repeat(64)}y`;

// Values a fetch Request can carry (it refuses NUL, CR and LF in header values); NUL is shown below
// through matchCredentialsToken, which takes any string.
const HOSTILE_HEADERS: [string, string][] = [
  ['Base64 of a NUL byte', 'Token AA=='],
  ['Base64 of a token with a NUL inside', `Token ${btoa('tok\u0000en')}`],
  ['Base64 of an escape sequence', `Token ${btoa('\u001b[31mred')}`],
  ['Base64 of DEL', `Token ${btoa('abc\u007f')}`],
  ['Base64 of UTF-8 letters', 'Token w6l0w6k='],
  ['control characters', 'Token \u0001\u0002\u0003'],
  ['DEL', 'Token abc\u007f'],
  ['a 1 MB token', `Token ${A_MEGABYTE}`],
  ['a 1 MB token in Base64', `Token ${btoa(A_MEGABYTE)}`],
  ['65 printable characters', `Token ${PRINTABLE_65}`],
  ['65 printable characters in Base64', `Token ${btoa(PRINTABLE_65)}`],
];

/** Whether a looked-up value is a credentials token as the spec defines it. */
const isSpecToken = (token: string) => token.length <= 64 && /^[\x21-\x7E]+$/.test(token);

describe.each(['raw', 'base64', 'both'] as const)('the handler accepting %s tokens', (accept) => {
  it.each(HOSTILE_HEADERS)('answers %s with the 401 of an unknown token', async (_, header) => {
    const { store, handle, errors } = await handlerWith(accept);
    const response = await handle(partnerRequest('GET', '/versions', { headers: { Authorization: header } }));
    const body = await readEnvelope(response, 401);
    expect(body).toMatchObject({ status_code: 2000, status_message: 'Missing or unknown credentials token' });
    expect(response.headers.get('WWW-Authenticate')).toBe('Token');
    expect(errors).toEqual([]);
    // A Base64 text is itself printable ASCII, so a raw reading of it may be looked up: never a decoding
    // that is not a token.
    expect(store.lookups.filter((token) => !isSpecToken(token))).toEqual([]);
  });

  it('still recognises token A', async () => {
    const { store, handle } = await handlerWith(accept);
    const encoding = accept === 'raw' ? 'raw' : 'base64';
    const response = await handle(partnerRequest('GET', '/versions', { token: TOKEN_A, encoding }));
    expect((await readEnvelope(response, 200)).status_code).toBe(1000);
    expect(store.lookups).toContain(TOKEN_A);
  });
});

describe('the handler accepting base64 tokens only', () => {
  it.each(HOSTILE_HEADERS)('never looks up %s', async (_, header) => {
    const { store, handle } = await handlerWith('base64');
    await handle(partnerRequest('GET', '/versions', { headers: { Authorization: header } }));
    expect(store.lookups).toEqual([]);
  });
});

describe('matchCredentialsToken', () => {
  const NEVER_LOOKED_UP: [string, string][] = [
    ['a NUL byte', 'Token \u0000'],
    ['a NUL byte inside', 'Token abc\u0000def'],
    ['Base64 of a NUL byte', 'Token AA=='],
    ['a 1 MB header of spaces', `Token ${' '.repeat(1 << 20)}abc`],
    ['a 1 MB token', `Token ${A_MEGABYTE}`],
    ['65 printable characters', `Token ${PRINTABLE_65}`],
    ['control characters', 'Token \u0001\u0002'],
  ];

  it.each(NEVER_LOOKED_UP)(
    'calls no lookup for %s in base64 mode, and only with tokens in any mode',
    async (_, header) => {
      for (const accept of ['raw', 'base64', 'both'] as const) {
        const looked: string[] = [];
        const match = await matchCredentialsToken(
          header,
          (token) => {
            looked.push(token);
            return undefined;
          },
          { accept },
        );
        expect(match.matched).toBe(false);
        expect(looked.filter((token) => !isSpecToken(token))).toEqual([]);
        if (accept === 'base64') expect(looked).toEqual([]);
      }
    },
  );

  it('calls the malformed what no encoding turns into a credentials token', async () => {
    const lookup = () => 'partner';
    await expect(matchCredentialsToken('Token AA==', lookup, { accept: 'base64' })).resolves.toEqual({
      matched: false,
      reason: 'malformed',
    });
    await expect(matchCredentialsToken(`Token ${A_MEGABYTE}`, lookup, { accept: 'both' })).resolves.toEqual({
      matched: false,
      reason: 'malformed',
    });
  });

  it('accepts a token of exactly 64 characters in both encodings', async () => {
    const token = 'x'.repeat(64);
    const lookup = (candidate: string) => (candidate === token ? 'partner' : undefined);
    await expect(matchCredentialsToken(`Token ${token}`, lookup, { accept: 'raw' })).resolves.toMatchObject({
      matched: true,
    });
    await expect(
      matchCredentialsToken(`Token ${btoa(token)}`, lookup, { accept: 'base64' }),
    ).resolves.toMatchObject({ matched: true });
  });
});

describe('authenticatePartner', () => {
  it.each([
    ['a NUL byte', '\u0000'],
    ['control characters', '\u0001abc'],
    ['a 1 MB token', A_MEGABYTE],
    ['65 printable characters', PRINTABLE_65],
    ['nothing', ''],
  ])('looks up no token with %s', async (_, token) => {
    const store = new PostgresLikeStore();
    await expect(authenticatePartner(store, token)).resolves.toBeUndefined();
    expect(store.lookups).toEqual([]);
  });
});
