// The shared command inbox on PGlite, a real PostgreSQL in WebAssembly: one database for the whole file
// (it takes seconds to start), a table of its own for each test. Two inboxes on one database stand for
// two instances of the server behind a load balancer.
import type { PGlite } from '@electric-sql/pglite';
import { type CommandResult, createClient, type StartSession, sendCommand } from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PostgresCommandInbox,
  type PostgresCommandInboxOptions,
  postgresCommandInboxSchema,
} from '../../../src/server/commands/postgres-command-inbox';
import { pgliteExecutor, type SqlExecutor } from '../../../src/server/partners/sql-executors';
import { pgliteListener, type SqlListener } from '../../../src/server/partners/sql-listeners';
import { useMswServer } from '../../support/msw';
import { ocpi } from '../../support/ocpi-responses';
import { sharedDatabase } from '../../support/pglite';

const { server } = useMswServer();

let db: PGlite;
let tables = 0;
const opened: PostgresCommandInbox<unknown>[] = [];

beforeAll(async () => {
  db = await sharedDatabase();
}, 60_000);

afterAll(async () => {
  for (const inbox of opened) await inbox.close();
});

const EMSP = 'https://emsp.example.com/ocpi/2.2.1/commands';
const ACCEPTED: CommandResult = { result: 'ACCEPTED', message: [{ language: 'en', text: 'started' }] };

/** Two instances' inboxes on one fresh table. */
async function instances(options: PostgresCommandInboxOptions = {}): Promise<{
  a: PostgresCommandInbox<CommandResult>;
  b: PostgresCommandInbox<CommandResult>;
  table: string;
}> {
  const table = `command_results_${++tables}`;
  const open = () => {
    const inbox = new PostgresCommandInbox<CommandResult>(pgliteExecutor(db), pgliteListener(db), {
      ...options,
      table,
    });
    opened.push(inbox as PostgresCommandInbox<unknown>);
    return inbox;
  };
  const a = open();
  await a.migrate();
  return { a, b: open(), table };
}

async function rowsOf(table: string): Promise<{ response_key: string; delivered: boolean }[]> {
  const { rows } = await db.query<{ response_key: string; delivered: boolean }>(
    `SELECT response_key, result IS NOT NULL AS delivered FROM ${table} ORDER BY response_key`,
  );
  return rows;
}

describe('PostgresCommandInbox: two instances on one database', () => {
  it('passes a result delivered on one instance to the wait on the other, and keeps no row', async () => {
    const { a, b, table } = await instances();
    const expected = await a.expect(`${EMSP}/START_SESSION/1?k=v`);
    expect(await rowsOf(table)).toEqual([
      { response_key: '/ocpi/2.2.1/commands/START_SESSION/1?k=v', delivered: false },
    ]);
    const waiting = expected.wait(10_000);
    expect(a.pending).toBe(1);
    // The handler on B sees another scheme and host behind the proxy, and a trailing slash.
    await expect(
      b.deliver('http://10.0.0.7:8080/ocpi/2.2.1/commands/START_SESSION/1/?k=v', ACCEPTED),
    ).resolves.toBe(true);
    await expect(waiting).resolves.toEqual(ACCEPTED);
    expect(a.pending).toBe(0);
    expect(await rowsOf(table)).toEqual([]);
  });

  it('writes nothing for a URL nobody awaits, nor for one whose result came already', async () => {
    const { a, b, table } = await instances();
    await expect(b.deliver(`${EMSP}/START_SESSION/unknown`, ACCEPTED)).resolves.toBe(false);
    expect(await rowsOf(table)).toEqual([]);

    const expected = await a.expect(`${EMSP}/START_SESSION/2`);
    await expect(b.deliver(`${EMSP}/START_SESSION/2`, ACCEPTED)).resolves.toBe(true);
    await expect(a.deliver(`${EMSP}/START_SESSION/2`, { result: 'FAILED' })).resolves.toBe(false);
    await expect(expected.wait(10_000)).resolves.toEqual(ACCEPTED);
    await expect(b.deliver(`${EMSP}/START_SESSION/2`, { result: 'FAILED' })).resolves.toBe(false);
    expect(await rowsOf(table)).toEqual([]);
  });

  it('receives a result delivered before the wait began', async () => {
    const { a, b } = await instances();
    const expected = await a.expect(`${EMSP}/START_SESSION/3`);
    await expect(b.deliver(`${EMSP}/START_SESSION/3`, ACCEPTED)).resolves.toBe(true);
    await expect(expected.wait(10_000)).resolves.toEqual(ACCEPTED);
  });

  it('reads the row when the wait begins and when it ends, should a notification not be heard', async () => {
    const { a, b, table } = await instances();
    const before = await a.expect(`${EMSP}/START_SESSION/4`);
    const during = await a.expect(`${EMSP}/START_SESSION/5`);
    await a.close();
    await expect(b.deliver(`${EMSP}/START_SESSION/4`, ACCEPTED)).resolves.toBe(true);
    await expect(before.wait(10_000)).resolves.toEqual(ACCEPTED);
    const waiting = during.wait(300);
    await expect(b.deliver(`${EMSP}/START_SESSION/5`, { result: 'FAILED' })).resolves.toBe(true);
    await expect(waiting).resolves.toEqual({ result: 'FAILED' });
    expect(await rowsOf(table)).toEqual([]);
  });

  it('gives undefined after the timeout, deletes the row and refuses a late result', async () => {
    const { a, b, table } = await instances();
    const expected = await a.expect(`${EMSP}/START_SESSION/6`);
    const started = Date.now();
    await expect(expected.wait(100)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(await rowsOf(table)).toEqual([]);
    expect(a.pending).toBe(0);
    await expect(b.deliver(`${EMSP}/START_SESSION/6`, ACCEPTED)).resolves.toBe(false);
    expect(await rowsOf(table)).toEqual([]);
  });

  it('deletes the row on cancel, after which the result is refused', async () => {
    const { a, b, table } = await instances();
    const expected = await a.expect(`${EMSP}/START_SESSION/7`);
    await expected.cancel();
    expect(await rowsOf(table)).toEqual([]);
    expect(a.pending).toBe(0);
    await expect(b.deliver(`${EMSP}/START_SESSION/7`, ACCEPTED)).resolves.toBe(false);
  });

  it('rejects a wait with the abort reason, at once when already aborted, and deletes the row', async () => {
    const { a, table } = await instances();
    const reason = new Error('user left');
    const first = await a.expect(`${EMSP}/STOP_SESSION/1`);
    await expect(first.wait(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const waiting = (await a.expect(`${EMSP}/STOP_SESSION/2`)).wait(60_000, controller.signal);
    setTimeout(() => controller.abort(reason), 20);
    await expect(waiting).rejects.toBe(reason);
    expect(await rowsOf(table)).toEqual([]);
    expect(a.pending).toBe(0);
  });

  it('refuses to expect a result already awaited, on the same instance or another', async () => {
    const { a, b, table } = await instances();
    await a.expect(`${EMSP}/START_SESSION/8`);
    await expect(a.expect(`${EMSP}/START_SESSION/8`)).rejects.toThrow(TypeError);
    await expect(b.expect(`http://internal/ocpi/2.2.1/commands/START_SESSION/8/`)).rejects.toThrow(TypeError);
    expect(a.pending).toBe(1);
    expect(b.pending).toBe(0);
    expect(await rowsOf(table)).toHaveLength(1);
  });

  it('lets an expired expectation be taken over, refuses results for it, and purges it', async () => {
    // No margin: a row expires as soon as it is written, as one left by an instance that stopped would.
    const { a, b, table } = await instances({ marginMs: 0 });
    const stale = await a.expect(`${EMSP}/START_SESSION/9`);
    await a.expect(`${EMSP}/START_SESSION/10`);
    await expect(b.deliver(`${EMSP}/START_SESSION/9`, ACCEPTED)).resolves.toBe(false);
    await b.expect(`${EMSP}/START_SESSION/9`);
    // The stale expectation ends without touching the row that is now B's.
    await stale.cancel();
    await expect(stale.wait(10)).resolves.toBeUndefined();
    expect(await rowsOf(table)).toHaveLength(2);
    await expect(b.purgeExpired()).resolves.toBe(2);
    expect(await rowsOf(table)).toEqual([]);
  });

  it('refuses a result larger than maxResultBytes, writing nothing', async () => {
    const { a, b, table } = await instances({ maxResultBytes: 100 });
    await a.expect(`${EMSP}/START_SESSION/11`);
    const large: CommandResult = { result: 'ACCEPTED', message: [{ language: 'en', text: 'é'.repeat(40) }] };
    // 40 characters, 80 bytes in UTF-8: the bound counts bytes.
    await expect(b.deliver(`${EMSP}/START_SESSION/11`, large)).rejects.toThrow(RangeError);
    expect(await rowsOf(table)).toEqual([
      { response_key: '/ocpi/2.2.1/commands/START_SESSION/11', delivered: false },
    ]);
  });

  it('answers false, without a statement, for a URL too long to have been expected', async () => {
    const queries: string[] = [];
    const executor: SqlExecutor = {
      async query(text) {
        queries.push(text);
        return { rows: [], affected: 0 };
      },
    };
    const listener: SqlListener = { listen: async () => async () => {} };
    const inbox = new PostgresCommandInbox<CommandResult>(executor, listener);
    await expect(inbox.deliver(`${EMSP}/${'x'.repeat(3000)}`, ACCEPTED)).resolves.toBe(false);
    expect(queries).toEqual([]);
    await expect(inbox.expect(`${EMSP}/${'x'.repeat(3000)}`)).rejects.toThrow(TypeError);
  });

  it("names the operation and the SQLSTATE in its errors, not the driver's message", async () => {
    const executor: SqlExecutor = {
      async query() {
        throw Object.assign(new Error('duplicate key: /secret/path'), { code: '23505' });
      },
    };
    const listener: SqlListener = { listen: async () => async () => {} };
    const inbox = new PostgresCommandInbox<CommandResult>(executor, listener);
    await expect(inbox.deliver(`${EMSP}/secret/path`, ACCEPTED)).rejects.toThrow(
      /^PostgresCommandInbox: deliver failed \(23505\)$/,
    );
    await expect(inbox.expect(`${EMSP}/secret/path`)).rejects.toThrow(
      /^PostgresCommandInbox: expect failed \(23505\)$/,
    );
    expect(inbox.pending).toBe(0);
  });

  it('reads the row every pollMs, so that a lost notification delays a result no longer', async () => {
    // A listening connection that dropped: listening succeeded once, and no notification comes.
    const deaf: SqlListener = { listen: async () => async () => undefined };
    const table = `command_results_${++tables}`;
    const waiting = new PostgresCommandInbox<CommandResult>(pgliteExecutor(db), deaf, { table, pollMs: 20 });
    const delivering = new PostgresCommandInbox<CommandResult>(pgliteExecutor(db), pgliteListener(db), {
      table,
    });
    opened.push(waiting as PostgresCommandInbox<unknown>, delivering as PostgresCommandInbox<unknown>);
    await waiting.migrate();
    const expected = await waiting.expect(`${EMSP}/START_SESSION/7`);
    // An hour: without the reads between, this test would time out long before the wait does.
    const result = expected.wait(3_600_000);
    await expect(delivering.deliver(`${EMSP}/START_SESSION/7`, ACCEPTED)).resolves.toBe(true);
    await expect(result).resolves.toEqual(ACCEPTED);
    expect(await rowsOf(table)).toEqual([]);
  });

  it('listens once per inbox, however many commands it awaits', async () => {
    let listens = 0;
    const counting: SqlListener = {
      listen(channel, onNotify) {
        listens++;
        return pgliteListener(db).listen(channel, onNotify);
      },
    };
    const table = `command_results_${++tables}`;
    const inbox = new PostgresCommandInbox<CommandResult>(pgliteExecutor(db), counting, { table });
    opened.push(inbox as PostgresCommandInbox<unknown>);
    await inbox.migrate();
    const expected = await Promise.all([1, 2, 3].map((id) => inbox.expect(`${EMSP}/START_SESSION/${id}`)));
    expect(listens).toBe(1);
    for (const one of expected) await one.cancel();
  });
});

describe('PostgresCommandInbox: the schema', () => {
  it('creates the table, and can run again', async () => {
    const schema = postgresCommandInboxSchema();
    expect(schema).toContain('CREATE TABLE IF NOT EXISTS ocpi_command_results (');
    await db.exec(schema);
    await db.exec(schema);
    const inbox = new PostgresCommandInbox<CommandResult>(pgliteExecutor(db), pgliteListener(db));
    opened.push(inbox as PostgresCommandInbox<unknown>);
    await inbox.migrate();
    await (await inbox.expect(`${EMSP}/START_SESSION/default`)).cancel();
  });

  it('takes only a plain lowercase table name', () => {
    for (const table of ['Results', 'results; DROP TABLE x', '1results', 'r'.repeat(51)]) {
      expect(() => postgresCommandInboxSchema(table)).toThrow(TypeError);
      expect(
        () =>
          new PostgresCommandInbox(pgliteExecutor(db), pgliteListener(db), {
            table,
          }),
      ).toThrow(TypeError);
    }
    for (const options of [{ marginMs: -1 }, { pollMs: 0.5 }]) {
      expect(() => new PostgresCommandInbox(pgliteExecutor(db), pgliteListener(db), options)).toThrow(
        RangeError,
      );
    }
  });
});

describe('sendCommand with a PostgresCommandInbox', () => {
  const CPO = 'https://cpo.example.com/ocpi/2.2.1/commands';
  const client = createClient({
    token: 'c',
    endpoints: [{ identifier: 'commands', role: 'RECEIVER', url: CPO }],
    from: null,
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
      last_updated: '2015-06-29T20:39:09Z',
    },
    location_id: 'LOC1',
  });

  it('waits on one instance for the result the CPO posts to another', async () => {
    const { a, b, table } = await instances();
    server.use(
      // The CPO posts its result before it even answers the command: the row was written before it was sent.
      http.post(`${CPO}/START_SESSION`, async ({ request }) => {
        const { response_url } = (await request.json()) as StartSession;
        const posted = await fetch(response_url, { method: 'POST', body: JSON.stringify(ACCEPTED) });
        expect(posted.status).toBe(200);
        return ocpi({ result: 'ACCEPTED', timeout: 5 });
      }),
      // The load balancer sends the result to instance B.
      http.post(`${EMSP}/START_SESSION/:id`, async ({ request }) => {
        const known = await b.deliver(request.url, (await request.json()) as CommandResult);
        return known ? ocpi(undefined) : new HttpResponse(null, { status: 404 });
      }),
    );
    const outcome = await sendCommand(client, 'START_SESSION', startSession('pg-1'), { inbox: a });
    expect(outcome).toEqual({
      status: 'completed',
      response: { result: 'ACCEPTED', timeout: 5 },
      result: ACCEPTED,
    });
    expect(await rowsOf(table)).toEqual([]);
  });

  it('deletes the row when the CPO rejects the command', async () => {
    const { a, table } = await instances();
    server.use(http.post(`${CPO}/START_SESSION`, () => ocpi({ result: 'REJECTED', timeout: 5 })));
    const outcome = await sendCommand(client, 'START_SESSION', startSession('pg-2'), { inbox: a });
    expect(outcome.status).toBe('rejected');
    expect(await rowsOf(table)).toEqual([]);
    expect(a.pending).toBe(0);
  });
});
