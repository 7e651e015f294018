import type Database from 'better-sqlite3-multiple-ciphers'
import { CoreError } from '../errors'
import { migrations as allMigrations, type Migration } from './migrations'

export const latestVersion = (migrations: readonly Migration[] = allMigrations): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0)

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database to the latest schema: all pending migrations in one transaction, in
 * order. A database written by a newer Between is refused, never touched.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations): void {
  const current = schemaVersion(db)
  const latest = latestVersion(migrations)
  if (current > latest) throw new CoreError('VAULT_FROM_FUTURE')
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const migration of pending) migration.up(db)
    db.pragma(`user_version = ${latest}`)
  })()
}
