// What the PostgreSQL stores share: table names safe to write into SQL, and errors that tell nothing of
// what was sent.

// Unquoted, unqualified, lowercase; 50 characters leave room for the suffixes of the derived names
// (`_revisions`, `_delivered`, `_incoming_idx`...) within PostgreSQL's 63.
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** `table` when it is a plain name safe to write into SQL text; a TypeError from `owner` otherwise. */
export function checkedTableName(owner: string, table: string): string {
  if (!TABLE_NAME.test(table)) {
    throw new TypeError(
      `${owner}: the table name must be lowercase letters, digits and _, at most 50, not starting with a digit`,
    );
  }
  return table;
}

/**
 * The error of a failed statement: the operation and the database's SQLSTATE code, nothing more.
 * Neither the driver's error nor its message goes on: either may quote a parameter, a token included.
 */
export function statementFailure(owner: string, operation: string, error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const shown = typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? ` (${code})` : '';
  return new Error(`${owner}: ${operation} failed${shown}`);
}
