import type Database from 'better-sqlite3-multiple-ciphers'
import { CoreError } from '../errors'
import { migrations as allMigrations, type Migration, type MigrationProgress } from './migrations'

export const latestVersion = (migrations: readonly Migration[] = allMigrations): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0)

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** How far a schema update has come: `step` of `steps` migrations done; `rows` inside one that reports them (a search rebuild). */
export interface UpdateProgress {
  step(done: number, total: number): void
  rows: MigrationProgress
}

const noProgress: UpdateProgress = { step: () => undefined, rows: () => undefined }

/**
 * Brings the database to the latest schema: all pending migrations in one transaction, in
 * order. A database written by a newer Between is refused, never touched. A migration that
 * fails rolls the whole update back and answers MIGRATION_FAILED (the cause names its version).
 * At unlock this runs in a worker (db/migrate-job.ts); on the main thread it then finds nothing to do.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations, progress: UpdateProgress = noProgress): void {
  const current = schemaVersion(db)
  const latest = latestVersion(migrations)
  if (current > latest) throw new CoreError('VAULT_FROM_FUTURE')
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    pending.forEach((migration, index) => {
      progress.step(index, pending.length)
      try {
        migration.up(db, progress.rows)
      } catch (error) {
        if (error instanceof CoreError) throw error
        throw new CoreError('MIGRATION_FAILED', { cause: { code: `MIGRATION_${String(migration.version).padStart(4, '0')}` } })
      }
    })
    db.pragma(`user_version = ${latest}`)
  })()
  progress.step(pending.length, pending.length)
}
