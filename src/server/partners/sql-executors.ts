import type { PostgresPartnerStore } from './postgres-partner-store';

/**
 * What {@link PostgresPartnerStore} needs of a PostgreSQL driver: one parameterised statement at a time
 * (`$1`, `$2`... in `text`), answered with the rows it returned and how many rows it wrote. Adapters for
 * the common drivers: {@link pgExecutor}, {@link postgresJsExecutor}, {@link pgliteExecutor}; for any
 * other, a few lines of the same kind.
 *
 * Wrap an executor to log or trace the statements: the store itself throws errors without the driver's
 * details, which may quote the parameters, tokens included.
 */
export interface SqlExecutor {
  /** `params` are text or `NULL`: the statements cast them where they need another type (`$2::jsonb`). */
  query(text: string, params: (string | null)[]): Promise<SqlResult>;
}

/** The answer to one statement: the rows it returned (`RETURNING` or `SELECT`) and the rows it wrote. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  affected: number;
}

/** The part of a node-postgres (`pg`) `Pool`, `PoolClient` or `Client` that {@link pgExecutor} uses. */
export interface PgQueryable {
  query(
    text: string,
    values: (string | null)[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/**
 * A {@link SqlExecutor} on node-postgres (`pg`): pass a `Pool` (each statement on any connection of it),
 * or a `Client` or `PoolClient` you manage.
 *
 * @example
 * // `pool` is `new pg.Pool({ connectionString })`, after `import pg from 'pg'`.
 * function partnerStore(pool: PgQueryable): PartnerStore {
 *   return new PostgresPartnerStore(pgExecutor(pool));
 * }
 */
export function pgExecutor(queryable: PgQueryable): SqlExecutor {
  return {
    async query(text, params) {
      const { rows, rowCount } = await queryable.query(text, params);
      return { rows, affected: rowCount ?? 0 };
    },
  };
}

/** The part of a postgres.js (`postgres`) `sql` instance that {@link postgresJsExecutor} uses. */
export interface PostgresJsSql {
  unsafe(
    text: string,
    params: (string | null)[],
  ): PromiseLike<readonly Record<string, unknown>[] & { count: number }>;
}

/**
 * A {@link SqlExecutor} on postgres.js (`postgres`): statements go through `sql.unsafe`, whose text is
 * the store's own SQL and whose values are all sent as parameters, never spliced into the text.
 *
 * @example
 * // `sql` is `postgres(connectionString)`, after `import postgres from 'postgres'`.
 * function partnerStore(sql: PostgresJsSql): PartnerStore {
 *   return new PostgresPartnerStore(postgresJsExecutor(sql));
 * }
 */
export function postgresJsExecutor(sql: PostgresJsSql): SqlExecutor {
  return {
    async query(text, params) {
      const result = await sql.unsafe(text, params);
      return { rows: [...result], affected: result.count };
    },
  };
}

/** The part of a PGlite (`@electric-sql/pglite`) database that {@link pgliteExecutor} uses. */
export interface PGliteQueryable {
  query(text: string, params: (string | null)[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
}

/**
 * A {@link SqlExecutor} on PGlite (`@electric-sql/pglite`), PostgreSQL compiled to WebAssembly: for tests,
 * demos and single-process tools that want the real SQL without a server.
 *
 * @example
 * // `db` is `await PGlite.create('./partners-data')`, after `import { PGlite } from '@electric-sql/pglite'`.
 * function partnerStore(db: PGliteQueryable): PartnerStore {
 *   return new PostgresPartnerStore(pgliteExecutor(db));
 * }
 */
export function pgliteExecutor(db: PGliteQueryable): SqlExecutor {
  return {
    async query(text, params) {
      const { rows, affectedRows } = await db.query(text, params);
      return { rows: rows as Record<string, unknown>[], affected: affectedRows ?? 0 };
    },
  };
}
