import type { InMemoryPartnerStore, PartnerRecord, PartnerStore } from './partner-store';
import type { SqlExecutor, SqlResult } from './sql-executors';
import { checkedTableName, statementFailure } from './sql-safety';
import { hashToken } from './token-hash';

const DEFAULT_TABLE = 'ocpi_partners';

/** Options of a {@link PostgresPartnerStore}. */
export interface PostgresPartnerStoreOptions {
  /**
   * The table partners are kept in, `ocpi_partners` by default: a plain lowercase name (letters, digits,
   * `_`, at most 50 characters), unquoted and unqualified (the connection's `search_path` picks the
   * schema). The revision sequence and the indexes are named after it.
   */
  table?: string;
}

/**
 * The SQL that creates what a {@link PostgresPartnerStore} on `table` needs, each statement `IF NOT
 * EXISTS`: the table, its two token-digest indexes and the sequence revisions are drawn from. Run it
 * with your migrations, or call {@link PostgresPartnerStore.migrate}.
 *
 * @throws TypeError when `table` is not a plain lowercase name (see {@link PostgresPartnerStoreOptions}).
 */
export function postgresPartnerStoreSchema(table: string = DEFAULT_TABLE): string {
  return `${schemaStatements(checkedTableName('PostgresPartnerStore', table)).join(';\n\n')};\n`;
}

/**
 * A {@link PartnerStore} on PostgreSQL, one row per partner ({@link postgresPartnerStoreSchema}), through
 * any driver behind a {@link SqlExecutor}; it imports none.
 *
 * - `record` (jsonb): the {@link PartnerRecord} as JSON, tokens in plain text since the SDK hands them out
 *   again; encrypt at rest if the database may leak. It reads back as JSON does: `undefined` fields
 *   absent; a string with U+0000, which jsonb refuses, fails the write.
 * - `incoming_token_hash`, `previous_token_hash`: the digests ({@link hashToken}) lookups go by. Should
 *   two partners hold one token (only by a mistake), the one written last is found, as in
 *   {@link InMemoryPartnerStore}.
 * - `revision`: from the sequence `<table>_revisions`, never used twice. Each write is one conditional
 *   statement: of writers that read the same revision, one succeeds; under READ COMMITTED (the default)
 *   the others resolve `undefined`, under stricter isolation they throw a serialization failure (40001).
 *
 * Its errors give the operation and the SQLSTATE, never the driver's message, which may quote a token.
 *
 * @example
 * // `pool` is a node-postgres Pool: `new pg.Pool()` after `import pg from 'pg'`.
 * async function registrationHandler(pool: PgQueryable): Promise<RegistrationHandler> {
 *   const store = new PostgresPartnerStore(pgExecutor(pool));
 *   await store.migrate(); // or run postgresPartnerStoreSchema() with your migrations
 *   return createRegistrationHandler({ ...config, store });
 * }
 */
export class PostgresPartnerStore implements PartnerStore {
  readonly #executor: SqlExecutor;
  readonly #table: string;

  /** @throws TypeError when `options.table` is not a plain lowercase name. */
  constructor(executor: SqlExecutor, options: PostgresPartnerStoreOptions = {}) {
    this.#executor = executor;
    this.#table = checkedTableName('PostgresPartnerStore', options.table ?? DEFAULT_TABLE);
  }

  /** Creates the table, its indexes and its sequence if they do not exist yet (one statement at a time). */
  async migrate(): Promise<void> {
    for (const statement of schemaStatements(this.#table)) await this.#run('migrate', statement, []);
  }

  async findByToken(token: string): Promise<PartnerRecord | undefined> {
    const { rows } = await this.#run(
      'findByToken',
      `SELECT id, revision, record::text AS record FROM ${this.#table}
       WHERE incoming_token_hash = $1 OR previous_token_hash = $1
       ORDER BY revision DESC
       LIMIT 1`,
      [await hashToken(token)],
    );
    return rows[0] && storedRecord(rows[0]);
  }

  async findById(id: string): Promise<PartnerRecord | undefined> {
    const { rows } = await this.#run(
      'findById',
      `SELECT id, revision, record::text AS record FROM ${this.#table} WHERE id = $1`,
      [id],
    );
    return rows[0] && storedRecord(rows[0]);
  }

  async save(record: PartnerRecord): Promise<PartnerRecord | undefined> {
    const { revision, ...written } = record;
    const json = JSON.stringify(written);
    const incomingHash = await hashToken(record.incomingToken);
    const previousHash =
      record.previousIncomingToken === undefined ? null : await hashToken(record.previousIncomingToken);
    let result: SqlResult;
    if (revision === undefined) {
      result = await this.#run(
        'save',
        `INSERT INTO ${this.#table} (id, revision, record, incoming_token_hash, previous_token_hash)
         VALUES ($1, nextval('${this.#table}_revisions'), $2::jsonb, $3, $4)
         ON CONFLICT (id) DO NOTHING
         RETURNING revision`,
        [record.id, json, incomingHash, previousHash],
      );
    } else {
      // No stored record has a revision that is not a positive integer: nothing to ask the database.
      if (!Number.isSafeInteger(revision)) return undefined;
      result = await this.#run(
        'save',
        `UPDATE ${this.#table}
         SET revision = nextval('${this.#table}_revisions'), record = $3::jsonb,
             incoming_token_hash = $4, previous_token_hash = $5
         WHERE id = $1 AND revision = $2
         RETURNING revision`,
        [record.id, String(revision), json, incomingHash, previousHash],
      );
    }
    const row = result.rows[0];
    // Parsed from the JSON written: the same record a read gives, and one that shares nothing with the caller's.
    return row && { ...JSON.parse(json), revision: revisionOf(row.revision) };
  }

  async remove(record: PartnerRecord): Promise<boolean> {
    if (record.revision === undefined || !Number.isSafeInteger(record.revision)) return false;
    const { affected } = await this.#run(
      'remove',
      `DELETE FROM ${this.#table} WHERE id = $1 AND revision = $2`,
      [record.id, String(record.revision)],
    );
    return affected > 0;
  }

  async #run(operation: string, text: string, params: (string | null)[]): Promise<SqlResult> {
    try {
      return await this.#executor.query(text, params);
    } catch (error) {
      throw statementFailure('PostgresPartnerStore', operation, error);
    }
  }
}

function schemaStatements(table: string): string[] {
  return [
    `CREATE SEQUENCE IF NOT EXISTS ${table}_revisions`,
    `CREATE TABLE IF NOT EXISTS ${table} (
  id text PRIMARY KEY,
  revision bigint NOT NULL,
  record jsonb NOT NULL,
  incoming_token_hash text NOT NULL,
  previous_token_hash text
)`,
    `CREATE INDEX IF NOT EXISTS ${table}_incoming_idx ON ${table} (incoming_token_hash)`,
    `CREATE INDEX IF NOT EXISTS ${table}_previous_idx ON ${table} (previous_token_hash)`,
  ];
}

function storedRecord(row: Record<string, unknown>): PartnerRecord {
  const record = typeof row.record === 'string' ? JSON.parse(row.record) : structuredClone(row.record);
  return { ...record, id: String(row.id), revision: revisionOf(row.revision) };
}

// bigint comes back as a string from pg and postgres.js, as a number from PGlite.
function revisionOf(value: unknown): number {
  const revision = Number(value);
  if (!Number.isSafeInteger(revision))
    throw new Error('PostgresPartnerStore: a stored revision is not an integer');
  return revision;
}
