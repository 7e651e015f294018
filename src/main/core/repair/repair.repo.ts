import type Database from 'better-sqlite3-multiple-ciphers'

/** Every row of a table, as stored (the table name comes from our own list, never from input). */
export function* storedRows(db: Database.Database, table: string): Generator<Record<string, unknown>> {
  yield* db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>
}
