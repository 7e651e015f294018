import type Database from 'better-sqlite3-multiple-ciphers'

/** Every row of a table, as stored (the table name comes from our own list, never from input). */
export function* storedRows(db: Database.Database, table: string): Generator<Record<string, unknown>> {
  yield* db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>
}

/** A row whose link (foreign key column) points to a record that does not exist. */
export interface DanglingLink {
  row: Record<string, unknown>
  column: string
}

/** The rows of `table` that foreign_key_check reports, each with the column whose link dangles. */
export function danglingLinks(db: Database.Database, table: string): DanglingLink[] {
  const found = db.pragma(`foreign_key_check(${table})`) as Array<{ rowid: number; fkid: number }>
  if (found.length === 0) return []
  const keys = db.pragma(`foreign_key_list(${table})`) as Array<{ id: number; from: string }>
  const select = db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`)
  return found.flatMap(({ rowid, fkid }) => {
    const row = select.get(rowid) as Record<string, unknown> | undefined
    const column = keys.find((key) => key.id === fkid)?.from
    return row === undefined || column === undefined ? [] : [{ row, column }]
  })
}
