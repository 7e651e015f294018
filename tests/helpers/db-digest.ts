import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'

/** Per connection, its statements, prepared once: a test digests before and after every call it makes. */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>()
function statement(db: Database.Database, sql: string): Database.Statement {
  let statements = prepared.get(db)
  if (!statements) prepared.set(db, (statements = new Map()))
  let found = statements.get(sql)
  if (!found) statements.set(sql, (found = db.prepare(sql)))
  return found
}

/** A digest of every row of every table, to prove that a call changed nothing. */
export function digestDatabase(db: Database.Database): string {
  const hash = createHash('sha256')
  const tables = statement(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  for (const table of tables) {
    hash.update(table)
    for (const row of statement(db, `SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row))
  }
  hash.update(String(db.pragma('user_version', { simple: true })))
  return hash.digest('hex')
}
