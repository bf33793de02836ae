// One embedded PostgreSQL (PGlite) per test worker: starting one takes seconds and hundreds of
// megabytes, so every test file of a worker shares it (the run does not isolate files). Each test uses
// tables of its own, so files never see each other's rows; the process's end closes it.
import { PGlite } from '@electric-sql/pglite';

let database: Promise<PGlite> | undefined;

/** The worker's PGlite, started by the first file that asks. */
export function sharedDatabase(): Promise<PGlite> {
  database ??= PGlite.create();
  return database;
}
