/**
 * The schema update as a job task (jobs/job-tasks.ts `vault.migrate`): it runs in a worker thread
 * on its own connection to the vault while the main thread waits with no connection open, and
 * reports each migration as a step (`updating`) and a search rebuild's rows (`indexing`).
 * migrate() is one transaction: a worker stopped part way (a crash, SIGKILL) leaves the vault
 * at its old version, and the next unlock runs the update again.
 */
import type { JobContext } from '../jobs/job-context'
import { migrate, schemaVersion } from './migrate'
import { migrations } from './migrations'

export interface MigrateOutput {
  from: number
  to: number
}

export function migrateVault(job: JobContext, _input: Record<string, never>): MigrateOutput {
  const db = job.db()
  const from = schemaVersion(db)
  migrate(db, migrations, {
    step: (done, total) => job.progress('updating', done, total),
    rows: (done, total) => job.progress('indexing', done, total),
  })
  return { from, to: schemaVersion(db) }
}
