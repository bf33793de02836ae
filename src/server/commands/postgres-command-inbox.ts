import type { CommandInbox } from '../../common/commands/command-inbox';
import type { CommandResultInbox, ExpectedResult } from '../../common/commands/command-result-inbox';
import { responseKey } from '../../common/commands/response-key';
import type { SqlExecutor, SqlResult } from '../partners/sql-executors';
import type { SqlListener } from '../partners/sql-listeners';
import { checkedTableName, statementFailure } from '../partners/sql-safety';

const DEFAULT_TABLE = 'ocpi_command_results';

const DEFAULT_MARGIN_MS = 5 * 60_000;
const DEFAULT_POLL_MS = 5_000;
const DEFAULT_MAX_RESULT_BYTES = 64 * 1024;

// A key is the payload of a notification (8,000 bytes at most) and the path of a URL of ours: a longer
// one was never expected, so a partner's long URL costs no statement.
const MAX_KEY_LENGTH = 2048;

// setTimeout's own ceiling (about 24.8 days): no wait lasts longer, nor keeps its row longer.
const MAX_WAIT_MS = 2_147_483_647;

/** Options of a {@link PostgresCommandInbox}. */
export interface PostgresCommandInboxOptions {
  /**
   * The table results are kept in, `ocpi_command_results` by default: a plain lowercase name (letters,
   * digits, `_`, at most 50 characters), unquoted and unqualified. The notification channel is named
   * after it: `<table>_delivered`.
   */
  table?: string;
  /**
   * How long a row outlives the time its instance needs it, 5 minutes by default: it covers sending the
   * command before the wait begins, and the last read when the wait ends. Past it, a result is no longer
   * accepted and {@link PostgresCommandInbox.purgeExpired} deletes the row (its instance is gone).
   */
  marginMs?: number;
  /** The largest result accepted, as UTF-8 JSON: 64 KiB by default, far above any `CommandResult`. */
  maxResultBytes?: number;
  /**
   * How often a wait also reads its row, 5 seconds by default; 0 for only when it begins and ends. A
   * notification is lost when the listening connection drops (and the driver's client does not listen
   * again by itself): a result then reaches its wait within this time, not at its timeout.
   */
  pollMs?: number;
}

/**
 * The SQL that creates the table a {@link PostgresCommandInbox} on `table` needs (`IF NOT EXISTS`). Run
 * it with your migrations, or call {@link PostgresCommandInbox.migrate}.
 *
 * @throws TypeError when `table` is not a plain lowercase name (see {@link PostgresCommandInboxOptions}).
 */
export function postgresCommandInboxSchema(table: string = DEFAULT_TABLE): string {
  return `${schemaStatement(checkedTableName('PostgresCommandInbox', table))};\n`;
}

/**
 * An inbox of command results that several instances of the server share through one PostgreSQL
 * database, for when a CPO's result may reach another instance (behind a load balancer) than the one
 * that sent the command and waits. {@link CommandInbox} does the same within one process.
 *
 * - `expect` adds a row for the response URL (its path and query), marked as this expectation's, with
 *   no result yet and an expiry.
 * - `deliver`, on any instance, writes the result into that row only if it is awaited and empty, and
 *   notifies the channel; a URL nobody awaits writes nothing, so a partner cannot fill the table.
 * - The waiting instance, notified (one `LISTEN` per inbox, however many commands), takes the result
 *   and deletes the row. It also reads the row when the wait begins, every `pollMs` and when it times
 *   out, so a result that came before, or whose notification was lost, still counts. A timeout, an
 *   abort or `cancel` deletes the row too; should that statement fail, the row expires.
 *
 * Rows of an instance that stopped mid-wait expire `marginMs` after the wait would have ended: call
 * {@link PostgresCommandInbox.purgeExpired} from time to time. Results are refused above
 * `maxResultBytes`. Its errors give the operation and the SQLSTATE, never the driver's message.
 *
 * @example
 * // `pool` is a node-postgres Pool and `listening` a Client kept for LISTEN: `import pg from 'pg'`.
 * async function sharedInbox(pool: PgQueryable, listening: PgNotifyingClient) {
 *   const shared = new PostgresCommandInbox<CommandResult>(pgExecutor(pool), pgListener(listening));
 *   await shared.migrate(); // or run postgresCommandInboxSchema() with your migrations
 *   return shared;
 * }
 * // in the handler of POST /ocpi/emsp/2.2.1/commands/START_SESSION/:id, on any instance
 * const known = await inbox.deliver(request.url, await request.json());
 * return known ? ok() : notFound();
 */
export class PostgresCommandInbox<Result> implements CommandResultInbox<Result> {
  readonly #executor: SqlExecutor;
  readonly #listener: SqlListener;
  readonly #table: string;
  readonly #channel: string;
  readonly #marginMs: number;
  readonly #maxResultBytes: number;
  readonly #pollMs: number;
  // This instance's waits, by key: where a notification is passed on.
  readonly #waiters = new Map<string, Waiter>();
  #listening: Promise<() => Promise<void>> | undefined;

  /** @throws TypeError when `options.table` is not a plain lowercase name; RangeError for a negative size or margin. */
  constructor(executor: SqlExecutor, listener: SqlListener, options: PostgresCommandInboxOptions = {}) {
    this.#executor = executor;
    this.#listener = listener;
    this.#table = checkedTableName('PostgresCommandInbox', options.table ?? DEFAULT_TABLE);
    this.#channel = `${this.#table}_delivered`;
    this.#marginMs = checkedCount('marginMs', options.marginMs ?? DEFAULT_MARGIN_MS);
    this.#maxResultBytes = checkedCount('maxResultBytes', options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES);
    this.#pollMs = checkedCount('pollMs', options.pollMs ?? DEFAULT_POLL_MS);
  }

  /** Creates the table if it does not exist yet. */
  async migrate(): Promise<void> {
    await this.#run('migrate', schemaStatement(this.#table), []);
  }

  /**
   * Starts waiting for the result at `responseUrl`; settle it before sending the command. Rejects with a
   * TypeError when a result is awaited there already, by any instance, and not expired.
   */
  async expect(responseUrl: string): Promise<ExpectedResult<Result>> {
    const key = responseKey(responseUrl);
    if (key.length > MAX_KEY_LENGTH) {
      throw new TypeError(
        `PostgresCommandInbox: a response_url's path and query must be at most ${MAX_KEY_LENGTH} characters`,
      );
    }
    if (this.#waiters.has(key)) throw alreadyExpected();
    const waiter = new Waiter(crypto.randomUUID());
    this.#waiters.set(key, waiter);
    try {
      await this.#listen();
      // An expired row is a wait that ended without cleaning up: it may be taken over.
      const { rows } = await this.#run(
        'expect',
        `INSERT INTO ${this.#table} AS stored (response_key, waiter, expires_at)
         VALUES ($1, $2, now() + $3::bigint * interval '1 millisecond')
         ON CONFLICT (response_key) DO UPDATE
           SET waiter = excluded.waiter, result = NULL, expires_at = excluded.expires_at
           WHERE stored.expires_at <= now()
         RETURNING response_key`,
        [key, waiter.id, String(this.#marginMs)],
      );
      if (rows.length === 0) throw alreadyExpected();
    } catch (error) {
      this.#waiters.delete(key);
      throw error;
    }
    return {
      wait: (timeoutMs, signal) => this.#wait(key, waiter, timeoutMs, signal),
      cancel: () => this.#release(key, waiter),
    };
  }

  /**
   * Hands over a result POSTed to `responseUrl`, whichever instance awaits it: true when one does, false
   * when nobody does (answer 404), the result then written nowhere.
   *
   * @throws RangeError when the result's JSON is larger than `maxResultBytes`; TypeError when it has none.
   */
  async deliver(responseUrl: string, result: Result): Promise<boolean> {
    const key = responseKey(responseUrl);
    if (key.length > MAX_KEY_LENGTH) return false;
    const json = JSON.stringify(result) as string | undefined;
    if (json === undefined) throw new TypeError('PostgresCommandInbox: a command result must be JSON');
    if (new TextEncoder().encode(json).length > this.#maxResultBytes) {
      throw new RangeError(
        `PostgresCommandInbox: a command result may take at most ${this.#maxResultBytes} bytes`,
      );
    }
    // One statement: the notification goes out when the result is committed, and only if it was written.
    const { rows } = await this.#run(
      'deliver',
      `WITH delivered AS (
         UPDATE ${this.#table} SET result = $2::jsonb
         WHERE response_key = $1 AND result IS NULL AND expires_at > now()
         RETURNING response_key
       )
       SELECT pg_notify($3, response_key) FROM delivered`,
      [key, json, this.#channel],
    );
    return rows.length > 0;
  }

  /** How many results this instance awaits now (not counting other instances'). */
  get pending(): number {
    return this.#waiters.size;
  }

  /** Deletes the rows past their expiry, left by instances that stopped mid-wait; resolves how many. */
  async purgeExpired(): Promise<number> {
    const { affected } = await this.#run(
      'purgeExpired',
      `DELETE FROM ${this.#table} WHERE expires_at <= now()`,
      [],
    );
    return affected;
  }

  /**
   * Stops listening for notifications. Waits still running read their row every `pollMs` and at their
   * timeout; the next `expect` listens again.
   */
  async close(): Promise<void> {
    const listening = this.#listening;
    this.#listening = undefined;
    const unlisten = await listening?.catch(() => undefined);
    await unlisten?.();
  }

  #listen(): Promise<unknown> {
    this.#listening ??= this.#listener
      .listen(this.#channel, (key) => this.#waiters.get(key)?.notify())
      .catch((error: unknown) => {
        this.#listening = undefined;
        throw statementFailure('PostgresCommandInbox', 'listen', error);
      });
    return this.#listening;
  }

  async #wait(
    key: string,
    waiter: Waiter,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Result | undefined> {
    let taken: { result: Result } | undefined;
    try {
      signal?.throwIfAborted();
      const waitMs = timeoutMs > 0 ? Math.min(Math.ceil(timeoutMs), MAX_WAIT_MS) : 0;
      const deadline = Date.now() + waitMs;
      // The row now lives as long as the wait, and the margin for the last read.
      const { rows } = await this.#run(
        'wait',
        `UPDATE ${this.#table}
         SET expires_at = now() + $2::bigint * interval '1 millisecond'
         WHERE response_key = $1 AND waiter = $3 AND result IS NULL
         RETURNING response_key`,
        [key, String(waitMs + this.#marginMs), waiter.id],
      );
      // No empty row: the result came already, or the row is gone (cancelled, purged) and none will.
      if (rows.length === 0) taken = await this.#take(key, waiter);
      else {
        for (;;) {
          const left = deadline - Date.now();
          const woken = await waiter.next(this.#pollMs > 0 ? Math.min(left, this.#pollMs) : left, signal);
          taken = await this.#take(key, waiter);
          if (taken || (woken === 'timeout' && Date.now() >= deadline)) break;
        }
      }
      return taken?.result;
    } finally {
      if (taken) {
        if (this.#waiters.get(key) === waiter) this.#waiters.delete(key);
      } else await this.#release(key, waiter);
    }
  }

  async #take(key: string, waiter: Waiter): Promise<{ result: Result } | undefined> {
    const { rows } = await this.#run(
      'wait',
      `DELETE FROM ${this.#table}
       WHERE response_key = $1 AND waiter = $2 AND result IS NOT NULL
       RETURNING result::text AS result`,
      [key, waiter.id],
    );
    const row = rows[0];
    return (
      row && { result: typeof row.result === 'string' ? JSON.parse(row.result) : structuredClone(row.result) }
    );
  }

  // Ends this expectation, once: its row goes, not the one of a later expectation at the same URL.
  async #release(key: string, waiter: Waiter): Promise<void> {
    if (this.#waiters.get(key) !== waiter) return;
    this.#waiters.delete(key);
    try {
      await this.#run('cancel', `DELETE FROM ${this.#table} WHERE response_key = $1 AND waiter = $2`, [
        key,
        waiter.id,
      ]);
    } catch {
      // The row expires and no longer takes results: nothing the caller could do better.
    }
  }

  async #run(operation: string, text: string, params: (string | null)[]): Promise<SqlResult> {
    try {
      return await this.#executor.query(text, params);
    } catch (error) {
      throw statementFailure('PostgresCommandInbox', operation, error);
    }
  }
}

/** One expectation's link to the notifications: remembers one that came while nobody was waiting. */
class Waiter {
  #notified = false;
  #wake: (() => void) | undefined;

  /** Marks this expectation's row, which a later expectation at the same URL may take over once expired. */
  constructor(readonly id: string) {}

  notify(): void {
    this.#notified = true;
    this.#wake?.();
  }

  /** Resolves at the next notification (at once if one came since the last) or after `ms`; rejects on abort. */
  next(ms: number, signal?: AbortSignal): Promise<'notified' | 'timeout'> {
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#wake = undefined;
        settle();
      };
      const onAbort = () => finish(() => reject(signal?.reason));
      const timer = setTimeout(() => finish(() => resolve('timeout')), Math.max(0, ms));
      this.#wake = () =>
        finish(() => {
          this.#notified = false;
          resolve('notified');
        });
      if (signal?.aborted) onAbort();
      else {
        signal?.addEventListener('abort', onAbort, { once: true });
        if (this.#notified) this.#wake();
      }
    });
  }
}

function alreadyExpected(): TypeError {
  return new TypeError(
    'A command result is already expected at this response_url: give each command its own',
  );
}

function checkedCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`PostgresCommandInbox: ${name} must be a whole number, 0 or more`);
  }
  return value;
}

// No index but the key's: the table holds only the commands in flight.
function schemaStatement(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  response_key text PRIMARY KEY,
  waiter text NOT NULL,
  result jsonb,
  expires_at timestamptz NOT NULL
)`;
}
