// The PostgreSQL store on PGlite, a real PostgreSQL in WebAssembly: the one database of the worker (it
// takes seconds and hundreds of megabytes to start), a table of its own for each test.
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartnerRecord } from '../../../src/server/partners/partner-store';
import {
  PostgresPartnerStore,
  postgresPartnerStoreSchema,
} from '../../../src/server/partners/postgres-partner-store';
import { pgliteExecutor, type SqlExecutor } from '../../../src/server/partners/sql-executors';
import { hashToken } from '../../../src/server/partners/token-hash';
import { sharedDatabase } from '../../support/pglite';
import { describeStoreContract, record, stored } from './store-contract';

let db: PGlite;
let tables = 0;

beforeAll(async () => {
  db = await sharedDatabase();
}, 60_000);

async function freshStore(): Promise<{ store: PostgresPartnerStore; table: string }> {
  const table = `partners_${++tables}`;
  const store = new PostgresPartnerStore(pgliteExecutor(db), { table });
  await store.migrate();
  return { store, table };
}

describeStoreContract('PostgresPartnerStore on PGlite', async () => (await freshStore()).store);

describe('PostgresPartnerStore: the schema', () => {
  it('creates the table, its token-digest indexes and its sequence, and can run again', async () => {
    const schema = postgresPartnerStoreSchema();
    expect(schema).toContain('CREATE TABLE IF NOT EXISTS ocpi_partners (');
    expect(schema).toContain('CREATE SEQUENCE IF NOT EXISTS ocpi_partners_revisions;');
    expect(schema).toContain(
      'CREATE INDEX IF NOT EXISTS ocpi_partners_incoming_idx ON ocpi_partners (incoming_token_hash);',
    );
    expect(schema).toContain(
      'CREATE INDEX IF NOT EXISTS ocpi_partners_previous_idx ON ocpi_partners (previous_token_hash);',
    );
    // The exported text is what migrate() runs: as one script, twice, on the default table.
    await db.exec(schema);
    await db.exec(schema);
    const store = new PostgresPartnerStore(pgliteExecutor(db));
    await store.migrate();
    expect(
      await store.save({ id: 'default-table', status: 'invited', incomingToken: 'token-t' }),
    ).toBeDefined();
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM ocpi_partners');
    expect(rows).toEqual([{ count: 1 }]);
  });

  it('is shown in the README as it is', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const indented = postgresPartnerStoreSchema().replace(/^(?=.)/gm, '  ');
    expect(readme).toContain(`  \`\`\`sql\n${indented}  \`\`\``);
  });

  it('refuses a table name that is not a plain identifier, before any SQL is built', () => {
    const executor: SqlExecutor = {
      query: () => {
        throw new Error('no SQL expected');
      },
    };
    for (const table of ['x; drop table y', 'Partners', '1partners', 'a.b', '"quoted"', '', 'p'.repeat(51)]) {
      expect(() => new PostgresPartnerStore(executor, { table })).toThrow(TypeError);
      expect(() => postgresPartnerStoreSchema(table)).toThrow(TypeError);
    }
    expect(() => new PostgresPartnerStore(executor, { table: 'p'.repeat(50) })).not.toThrow();
  });

  it('keeps the tokens in the record and only their digests in the indexed columns', async () => {
    const { store, table } = await freshStore();
    await store.save(record);
    const { rows } = await db.query(`SELECT incoming_token_hash, previous_token_hash, record FROM ${table}`);
    expect(rows).toEqual([
      {
        incoming_token_hash: await hashToken('token-c'),
        previous_token_hash: await hashToken('token-a'),
        record: expect.objectContaining({ incomingToken: 'token-c', previousIncomingToken: 'token-a' }),
      },
    ]);
  });

  it('drops fields set to undefined, as JSON does', async () => {
    const { store } = await freshStore();
    await store.save({ ...record, outgoingToken: undefined } as unknown as PartnerRecord);
    expect('outgoingToken' in (await stored(store))).toBe(false);
  });
});

describe('PostgresPartnerStore: concurrency', () => {
  it('lets exactly one of many parallel rotations of a partner through, and only its token in', async () => {
    const { store } = await freshStore();
    await store.save({ id: 'partner-1', status: 'registered', incomingToken: 'token-old' });
    const newTokens = Array.from({ length: 8 }, (_, index) => `token-new-${index}`);
    // Each rotation reads the record, waits until every other has read it too, then writes its token.
    let allRead: () => void = () => undefined;
    const everyoneRead = new Promise<void>((resolve) => {
      allRead = resolve;
    });
    let reads = 0;
    const results = await Promise.all(
      newTokens.map(async (incomingToken) => {
        const read = await stored(store);
        if (++reads === newTokens.length) allRead();
        await everyoneRead;
        return store.save({ ...read, incomingToken, previousIncomingToken: read.incomingToken });
      }),
    );
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.incomingToken as string;
    await expect(store.findByToken(winner)).resolves.toEqual(winners[0]);
    for (const loser of newTokens.filter((token) => token !== winner)) {
      await expect(store.findByToken(loser)).resolves.toBeUndefined();
    }
    // The old token is now only the previous one.
    await expect(store.findByToken('token-old')).resolves.toMatchObject({
      incomingToken: winner,
      previousIncomingToken: 'token-old',
    });
  });
});

describe('PostgresPartnerStore: errors', () => {
  it('names the operation and the SQLSTATE, never the tokens the database quoted', async () => {
    const { store } = await freshStore();
    // jsonb refuses U+0000, and PGlite's error quotes the statement's parameters.
    const error = await store
      .save({ id: 'partner-1', status: 'invited', incomingToken: 'secret-token\u0000' })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('PostgresPartnerStore: save failed (22P05)');
    expect((error as Error).cause).toBeUndefined();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('secret-token');
  });

  it('passes no driver error on, whatever it holds', async () => {
    const store = new PostgresPartnerStore({
      query: async (_text, params) => {
        throw Object.assign(new Error(`failed with ${JSON.stringify(params)}`), {
          code: 'bad code; token-c',
        });
      },
    });
    await expect(store.findByToken('token-c')).rejects.toThrow(/^PostgresPartnerStore: findByToken failed$/);
    await expect(store.findById('partner-1')).rejects.toThrow(/^PostgresPartnerStore: findById failed$/);
  });
});

describe('pgliteExecutor', () => {
  it('gives the rows a statement returned and the number of rows it wrote', async () => {
    const executor = pgliteExecutor(db);
    await executor.query('CREATE TABLE executor_test (id int PRIMARY KEY, name text)', []);
    await expect(
      executor.query('INSERT INTO executor_test VALUES ($1, $2), ($3, $4)', ['1', 'one', '2', 'two']),
    ).resolves.toEqual({ rows: [], affected: 2 });
    await expect(
      executor.query('UPDATE executor_test SET name = upper(name) WHERE id = $1 RETURNING id, name', ['2']),
    ).resolves.toEqual({ rows: [{ id: 2, name: 'TWO' }], affected: 1 });
    await expect(executor.query('SELECT name FROM executor_test ORDER BY id', [])).resolves.toMatchObject({
      rows: [{ name: 'one' }, { name: 'TWO' }],
    });
  });
});
