// The driver adapters, each on a fake of its driver's shape (PGlite's runs for real beside the store, in
// postgres-partner-store.test.ts, which starts the one PGlite of the test run).
import { describe, expect, it } from 'vitest';
import { PostgresPartnerStore } from '../../../src/server/partners/postgres-partner-store';
import {
  type PgQueryable,
  type PostgresJsSql,
  pgExecutor,
  postgresJsExecutor,
} from '../../../src/server/partners/sql-executors';

describe('pgExecutor', () => {
  it("passes the statement and its values to node-postgres' query, and reads rows and rowCount", async () => {
    const calls: unknown[][] = [];
    const pool: PgQueryable = {
      async query(text, values) {
        calls.push([text, values]);
        return text.startsWith('SELECT')
          ? { rows: [{ id: 'a' }], rowCount: 1 }
          : { rows: [], rowCount: null };
      },
    };
    const executor = pgExecutor(pool);
    await expect(executor.query('SELECT id FROM t WHERE id = $1', ['a'])).resolves.toEqual({
      rows: [{ id: 'a' }],
      affected: 1,
    });
    // node-postgres gives no count for some commands.
    await expect(executor.query('LISTEN x', [])).resolves.toEqual({ rows: [], affected: 0 });
    expect(calls).toEqual([
      ['SELECT id FROM t WHERE id = $1', ['a']],
      ['LISTEN x', []],
    ]);
  });

  it('lets the store read a bigint revision that node-postgres gives as a string', async () => {
    const pool: PgQueryable = {
      async query() {
        return {
          rows: [
            {
              id: 'partner-1',
              revision: '9007199254740991',
              record: '{"id":"partner-1","status":"invited"}',
            },
          ],
          rowCount: 1,
        };
      },
    };
    await expect(new PostgresPartnerStore(pgExecutor(pool)).findById('partner-1')).resolves.toEqual({
      id: 'partner-1',
      status: 'invited',
      revision: Number.MAX_SAFE_INTEGER,
    });
    const beyond: PgQueryable = {
      async query() {
        return { rows: [{ id: 'partner-1', revision: '9007199254740993', record: '{}' }], rowCount: 1 };
      },
    };
    await expect(new PostgresPartnerStore(pgExecutor(beyond)).findById('partner-1')).rejects.toThrow(
      'not an integer',
    );
  });
});

describe('postgresJsExecutor', () => {
  it("passes the statement and its values to postgres.js' unsafe, and reads the rows and their count", async () => {
    const calls: unknown[][] = [];
    const sql: PostgresJsSql = {
      unsafe(text, params) {
        calls.push([text, params]);
        // postgres.js answers with an array of rows that also carries the number of rows affected.
        const result = Object.assign(text.startsWith('DELETE') ? [] : [{ revision: '3' }], { count: 1 });
        return Promise.resolve(result);
      },
    };
    const executor = postgresJsExecutor(sql);
    const selected = await executor.query('SELECT revision FROM t WHERE id = $1', ['a']);
    expect(selected).toEqual({ rows: [{ revision: '3' }], affected: 1 });
    // A plain array of the rows, without postgres.js' extra members.
    expect(Object.keys(selected.rows)).toEqual(['0']);
    await expect(executor.query('DELETE FROM t WHERE id = $1', ['a'])).resolves.toEqual({
      rows: [],
      affected: 1,
    });
    expect(calls).toEqual([
      ['SELECT revision FROM t WHERE id = $1', ['a']],
      ['DELETE FROM t WHERE id = $1', ['a']],
    ]);
  });
});
