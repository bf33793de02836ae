// The listener adapters, each on a fake of its driver's shape (PGlite's runs for real beside the
// command inbox, in test/server/commands/postgres-command-inbox.test.ts).
import { describe, expect, it } from 'vitest';
import {
  type PgNotifyingClient,
  type PostgresJsListenable,
  pgListener,
  postgresJsListener,
} from '../../../src/server/partners/sql-listeners';

type Notification = { channel: string; payload?: string | undefined };

function fakePgClient() {
  const queries: string[] = [];
  const listeners = new Set<(message: Notification) => void>();
  let failNext = false;
  const client: PgNotifyingClient = {
    async query(text) {
      queries.push(text);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
    },
    on(_event, listener) {
      listeners.add(listener);
    },
    removeListener(_event, listener) {
      listeners.delete(listener);
    },
  };
  const notify = (message: Notification) => {
    for (const listener of listeners) listener(message);
  };
  return { client, queries, listeners, notify, failOnce: () => (failNext = true) };
}

describe('pgListener', () => {
  it("runs LISTEN, passes on its channel's payloads only, and UNLISTENs", async () => {
    const fake = fakePgClient();
    const heard: string[] = [];
    const unlisten = await pgListener(fake.client).listen('results_delivered', (payload) =>
      heard.push(payload),
    );
    fake.notify({ channel: 'other', payload: 'x' });
    fake.notify({ channel: 'results_delivered', payload: '/a' });
    fake.notify({ channel: 'results_delivered' });
    expect(heard).toEqual(['/a', '']);
    await unlisten();
    fake.notify({ channel: 'results_delivered', payload: '/b' });
    expect(heard).toEqual(['/a', '']);
    expect(fake.queries).toEqual(['LISTEN "results_delivered"', 'UNLISTEN "results_delivered"']);
    expect(fake.listeners.size).toBe(0);
  });

  it('keeps one identifier whatever the channel, and drops its handler when LISTEN fails', async () => {
    const fake = fakePgClient();
    fake.failOnce();
    await expect(pgListener(fake.client).listen('a"b', () => {})).rejects.toThrow('connection lost');
    expect(fake.queries).toEqual(['LISTEN "a""b"']);
    expect(fake.listeners.size).toBe(0);
  });
});

describe('postgresJsListener', () => {
  it("passes on sql.listen's payloads, and its unlisten", async () => {
    const calls: string[] = [];
    let onNotify: ((payload: string) => void) | undefined;
    const sql: PostgresJsListenable = {
      async listen(channel, callback) {
        calls.push(`listen ${channel}`);
        onNotify = callback;
        return {
          async unlisten() {
            calls.push(`unlisten ${channel}`);
          },
        };
      },
    };
    const heard: string[] = [];
    const unlisten = await postgresJsListener(sql).listen('results_delivered', (payload) =>
      heard.push(payload),
    );
    onNotify?.('/a');
    expect(heard).toEqual(['/a']);
    await unlisten();
    expect(calls).toEqual(['listen results_delivered', 'unlisten results_delivered']);
  });
});
