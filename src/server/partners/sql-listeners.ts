import type { PostgresCommandInbox } from '../commands/postgres-command-inbox';
import type { SqlExecutor } from './sql-executors';

/**
 * What {@link PostgresCommandInbox} needs of a PostgreSQL driver besides a {@link SqlExecutor}: to
 * `LISTEN` on a channel and hear its notifications' payloads. `listen` settles once the database
 * listens (a notification sent before is not heard), with the function that stops listening.
 * Adapters for the common drivers: {@link pgListener}, {@link postgresJsListener}, {@link pgliteListener}.
 */
export interface SqlListener {
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
}

/** The part of a node-postgres (`pg`) `Client` that {@link pgListener} uses. */
export interface PgNotifyingClient {
  query(text: string): Promise<unknown>;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string | undefined }) => void,
  ): unknown;
  removeListener(
    event: 'notification',
    listener: (message: { channel: string; payload?: string | undefined }) => void,
  ): unknown;
}

/**
 * A {@link SqlListener} on node-postgres (`pg`). Give it a `Client` of its own, connected and kept for
 * listening: a `Pool` would run `LISTEN` on whichever connection it lends, and hear nothing after.
 *
 * @example
 * // `listening` is `new pg.Client({ connectionString })`, connected, after `import pg from 'pg'`.
 * function commandInbox(pool: PgQueryable, listening: PgNotifyingClient) {
 *   return new PostgresCommandInbox(pgExecutor(pool), pgListener(listening));
 * }
 */
export function pgListener(client: PgNotifyingClient): SqlListener {
  return {
    async listen(channel, onNotify) {
      const onNotification = (message: { channel: string; payload?: string | undefined }) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', onNotification);
      try {
        await client.query(`LISTEN ${quotedChannel(channel)}`);
      } catch (error) {
        client.removeListener('notification', onNotification);
        throw error;
      }
      return async () => {
        client.removeListener('notification', onNotification);
        await client.query(`UNLISTEN ${quotedChannel(channel)}`);
      };
    },
  };
}

/** The part of a postgres.js (`postgres`) `sql` instance that {@link postgresJsListener} uses. */
export interface PostgresJsListenable {
  listen(channel: string, onNotify: (payload: string) => void): PromiseLike<{ unlisten(): Promise<void> }>;
}

/**
 * A {@link SqlListener} on postgres.js (`postgres`), whose `sql.listen` keeps a connection of its own
 * for notifications.
 *
 * @example
 * // `sql` is `postgres(connectionString)`, after `import postgres from 'postgres'`.
 * function commandInbox(sql: PostgresJsSql & PostgresJsListenable) {
 *   return new PostgresCommandInbox(postgresJsExecutor(sql), postgresJsListener(sql));
 * }
 */
export function postgresJsListener(sql: PostgresJsListenable): SqlListener {
  return {
    async listen(channel, onNotify) {
      const listening = await sql.listen(channel, onNotify);
      return () => listening.unlisten();
    },
  };
}

/** The part of a PGlite (`@electric-sql/pglite`) database that {@link pgliteListener} uses. */
export interface PGliteListenable {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/**
 * A {@link SqlListener} on PGlite (`@electric-sql/pglite`): its one connection hears the notifications
 * its own statements send, which is all a single process needs.
 *
 * @example
 * // `db` is `await PGlite.create()`, after `import { PGlite } from '@electric-sql/pglite'`.
 * function commandInbox(db: PGliteQueryable & PGliteListenable) {
 *   return new PostgresCommandInbox(pgliteExecutor(db), pgliteListener(db));
 * }
 */
export function pgliteListener(db: PGliteListenable): SqlListener {
  return {
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, onNotify);
      return () => unlisten();
    },
  };
}

// The channels PostgresCommandInbox listens on are plain lowercase names; quoting keeps any other
// name one identifier, as the notifications PostgreSQL sends name it.
function quotedChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
