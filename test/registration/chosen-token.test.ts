// register() and updateRegistration() with a token B the caller chose: it is the one sent and stored,
// and one that breaks the spec's token rules (or is another partner's) is refused before anything is sent.

import { register, updateRegistration } from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';

import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { sdkParties } from './support';

const { server, requests } = useMswServer();
const party = sdkParties(server);

const CPO = 'https://cpo.example.com/ocpi';
const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_A = 'token-a-from-the-cpo';
const CHOSEN = 'our-own-token-B_from-the-vault~0123456789';

const BAD_TOKENS = [
  ['empty', ''],
  ['65 characters', 'x'.repeat(65)],
  ['a space', 'two words'],
  ['a tab', 'tab\there'],
  ['a line break', 'line\nbreak'],
  ['a non-ASCII letter', 'caf\u00e9-token'],
  ['a control character', 'nul\u0000byte'],
  ['DEL', 'del\u007f'],
] as const;

async function cpoInvitingEmsp(version: '2.1.1' | '2.2.1') {
  const cpo = party(CPO, 'CPO', [version]);
  await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
  return cpo;
}

const registerOptions = (emsp: ReturnType<typeof party>, tokenB?: string) => ({
  config: emsp.config,
  partnerId: 'cpo',
  versionsUrl: `${CPO}/versions`,
  tokenA: TOKEN_A,
  ...(tokenB !== undefined && { tokenB }),
});

/** The token in the body of the credentials POST or PUT that was sent. */
async function sentToken(method: 'POST' | 'PUT'): Promise<unknown> {
  const sent = requests.find((request) => request.method === method && request.url.endsWith('/credentials'));
  return ((await sent?.clone().json()) as { token?: unknown } | undefined)?.token;
}

describe.each(['2.2.1', '2.1.1'] as const)('OCPI %s: a token B of our choosing', (version) => {
  it('register() sends and stores it, and the partner calls us with it', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    const record = await register(registerOptions(emsp, CHOSEN));
    expect(await sentToken('POST')).toBe(CHOSEN);
    expect(record).toMatchObject({ status: 'registered', incomingToken: CHOSEN });
    expect(emsp.store.all()[0]?.incomingToken).toBe(CHOSEN);
    expect(cpo.store.all()[0]?.outgoingToken).toBe(CHOSEN);
  });

  it('the longest token the spec allows (64 characters, every printable ASCII character) goes through', async () => {
    await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) =>
      String.fromCharCode(0x21 + index),
    );
    const longest = printable.join('').slice(0, 64);
    expect((await register(registerOptions(emsp, longest))).incomingToken).toBe(longest);
    expect(await sentToken('POST')).toBe(longest);
  });

  it.each(BAD_TOKENS)('register() refuses one with %s before sending anything', async (_, token) => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    const error = await failure(register(registerOptions(emsp, token)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^register\(\): tokenB must /);
    if (token.length > 0) expect((error as Error).message).not.toContain(token);
    expect(requests).toEqual([]);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });

  it('updateRegistration() sends and stores it', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    const record = await register(registerOptions(emsp));
    requests.length = 0;
    const updated = await updateRegistration({ config: emsp.config, record, tokenB: CHOSEN });
    expect(await sentToken('PUT')).toBe(CHOSEN);
    expect(updated.incomingToken).toBe(CHOSEN);
    expect(emsp.store.all()[0]?.incomingToken).toBe(CHOSEN);
    expect(cpo.store.all()[0]?.outgoingToken).toBe(CHOSEN);
  });

  it.each([...BAD_TOKENS, ['the token the partner holds now', 'current']] as const)(
    'updateRegistration() refuses one with %s before sending anything',
    async (_, token) => {
      await cpoInvitingEmsp(version);
      const emsp = party(EMSP, 'EMSP', [version]);
      const record = await register(registerOptions(emsp));
      const [before] = emsp.store.all();
      requests.length = 0;
      const tokenB = token === 'current' ? record.incomingToken : token;
      const error = await failure(updateRegistration({ config: emsp.config, record, tokenB }));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^updateRegistration\(\): /);
      expect(requests).toEqual([]);
      expect(emsp.store.all()).toEqual([before]);
    },
  );
});

describe('a token B that could be mistaken for another', () => {
  it("register() refuses another partner's token, before sending anything", async () => {
    await cpoInvitingEmsp('2.2.1');
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    await emsp.store.save({ id: 'someone-else', status: 'invited', incomingToken: CHOSEN });
    const error = await failure(register(registerOptions(emsp, CHOSEN)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('another partner');
    expect(requests).toEqual([]);
  });

  it('register() refuses a new token B while an attempt with another one is unanswered: the partner may hold that one', async () => {
    await cpoInvitingEmsp('2.2.1');
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    server.use(http.post(`${CPO}/2.2.1/credentials`, () => HttpResponse.error(), { once: true }));
    expect(await failure(register(registerOptions(emsp)))).toMatchObject({ name: 'OcpiNetworkError' });
    const [pending] = emsp.store.all();
    requests.length = 0;

    const error = await failure(register(registerOptions(emsp, CHOSEN)));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('unanswered');
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(emsp.store.all()).toEqual([pending]);
    // Retried with that same token, it goes through.
    const record = await register(registerOptions(emsp, pending?.incomingToken));
    expect(record).toMatchObject({ status: 'registered', incomingToken: pending?.incomingToken });
  });
});
