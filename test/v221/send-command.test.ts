import { CommandInbox } from '@org/ocpi';
import { type CommandResult, createClient, type StartSession, sendCommand } from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { useMswServer } from '../support/msw';
import { ocpi, TIMESTAMP } from '../support/ocpi-responses';

const { server, requests } = useMswServer();

const CPO = 'https://cpo.example.com/ocpi/2.2.1/commands';
const EMSP = 'https://emsp.example.com/ocpi/2.2.1/commands';
const client = createClient({
  token: 'c',
  endpoints: [{ identifier: 'commands', role: 'RECEIVER', url: CPO }],
});

const startSession = (id: string): StartSession => ({
  response_url: `${EMSP}/START_SESSION/${id}`,
  token: {
    country_code: 'DE',
    party_id: 'EMS',
    uid: '012345678',
    type: 'RFID',
    contract_id: 'DE8ACC12E46L89',
    issuer: 'Example eMSP',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: TIMESTAMP,
  },
  location_id: 'LOC1',
});

/** The CPO answers at once, then (maybe) POSTs the result to the response_url, as a real CPO would. */
function cpo(answer: { result: string; timeout: number }, result?: CommandResult) {
  server.use(
    http.post(`${CPO}/START_SESSION`, async ({ request }) => {
      const { response_url } = (await request.json()) as StartSession;
      if (result) {
        setTimeout(() => {
          void fetch(response_url, { method: 'POST', body: JSON.stringify(result) });
        }, 10);
      }
      return ocpi(answer);
    }),
  );
}

/** Our side: the handler of our response URLs hands results to the inbox. */
function emsp(inbox: CommandInbox<CommandResult>) {
  server.use(
    http.post(`${EMSP}/START_SESSION/:id`, async ({ request }) => {
      const known = inbox.deliver(request.url, (await request.json()) as CommandResult);
      return known ? ocpi(undefined) : new HttpResponse(null, { status: 404 });
    }),
  );
}

describe('sendCommand (2.2.1)', () => {
  it('waits for the result the CPO posts to the response_url', async () => {
    const inbox = new CommandInbox<CommandResult>();
    emsp(inbox);
    cpo({ result: 'ACCEPTED', timeout: 5 }, { result: 'ACCEPTED' });
    const outcome = await sendCommand(client, 'START_SESSION', startSession('1'), { inbox });
    expect(outcome).toEqual({
      status: 'completed',
      response: { result: 'ACCEPTED', timeout: 5 },
      result: { result: 'ACCEPTED' },
    });
    expect(inbox.pending).toBe(0);
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${CPO}/START_SESSION`,
      `POST ${EMSP}/START_SESSION/1`,
    ]);
  });

  it('returns at once when the CPO rejects the command, expecting nothing more', async () => {
    const inbox = new CommandInbox<CommandResult>();
    cpo({ result: 'REJECTED', timeout: 5 });
    const outcome = await sendCommand(client, 'START_SESSION', startSession('2'), { inbox });
    expect(outcome).toMatchObject({ status: 'rejected', response: { result: 'REJECTED' } });
    expect(inbox.pending).toBe(0);
  });

  it('gives up after the timeout the CPO gave, and ignores a late result', async () => {
    // The CPO's second passes on a fake clock: the wait ends at 1,000 ms, not a moment before.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const inbox = new CommandInbox<CommandResult>();
      cpo({ result: 'ACCEPTED', timeout: 1 });
      let outcome: Awaited<ReturnType<typeof sendCommand>> | undefined;
      const sent = sendCommand(client, 'START_SESSION', startSession('3'), { inbox }).then((done) => {
        outcome = done;
      });
      while (inbox.pending === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(999);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await sent;
      expect(outcome?.status).toBe('timeout');
      expect(inbox.deliver(`${EMSP}/START_SESSION/3`, { result: 'ACCEPTED' })).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses results nobody expects', () => {
    const inbox = new CommandInbox<CommandResult>();
    expect(inbox.deliver(`${EMSP}/START_SESSION/unknown`, { result: 'ACCEPTED' })).toBe(false);
    expect(inbox.pending).toBe(0);
  });
});

describe('CommandInbox', () => {
  it('matches a result by path and query, whatever scheme or host a proxy shows the handler', () => {
    const inbox = new CommandInbox<CommandResult>();
    const expected = inbox.expect('https://emsp.example.com/ocpi/commands/START_SESSION/7?k=1');
    expect(
      inbox.deliver('http://10.0.0.5:8080/ocpi/commands/START_SESSION/7/?k=1', { result: 'ACCEPTED' }),
    ).toBe(true);
    expected.cancel();
    expect(inbox.pending).toBe(0);
  });

  it('refuses to expect two results at one response_url, which could not be told apart', () => {
    const inbox = new CommandInbox<CommandResult>();
    inbox.expect(`${EMSP}/START_SESSION/8`);
    expect(() => inbox.expect(`${EMSP}/START_SESSION/8`)).toThrow(TypeError);
    expect(inbox.pending).toBe(1);
  });

  it('rejects a wait with the abort reason, at once when the signal is already aborted', async () => {
    const inbox = new CommandInbox<CommandResult>();
    const reason = new Error('user left');
    await expect(inbox.expect(`${EMSP}/STOP_SESSION/1`).wait(60_000, AbortSignal.abort(reason))).rejects.toBe(
      reason,
    );
    const controller = new AbortController();
    const waiting = inbox.expect(`${EMSP}/STOP_SESSION/2`).wait(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(inbox.pending).toBe(0);
  });
});

describe('CDR POST', () => {
  it('returns the URL of the stored CDR from the Location header, resolved against the request', async () => {
    const cdrs = 'https://emsp.example.com/ocpi/2.2.1/cdrs';
    server.use(
      http.post(cdrs, () => ocpi(undefined, { headers: { Location: '/ocpi/2.2.1/cdrs/stored/12' } })),
    );
    const emspClient = createClient({
      token: 'c',
      endpoints: [{ identifier: 'cdrs', role: 'RECEIVER', url: cdrs }],
      validation: 'off',
    });
    await expect(emspClient.cdrs.receiver.postCdr({ body: {} as never })).resolves.toBe(
      'https://emsp.example.com/ocpi/2.2.1/cdrs/stored/12',
    );
  });
});
