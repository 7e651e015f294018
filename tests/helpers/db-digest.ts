import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'

/** A digest of every row of every table, to prove that a call changed nothing. */
export function digestDatabase(db: Database.Database): string {
  const hash = createHash('sha256')
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  for (const table of tables) {
    hash.update(table)
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row))
  }
  hash.update(String(db.pragma('user_version', { simple: true })))
  return hash.digest('hex')
}
