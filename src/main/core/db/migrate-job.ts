/**
 * The schema update at unlock, off the main thread (DESIGN.md "Where work runs"). The vault
 * calls this between the proof of the key (a read-only connection, closed again) and the opening
 * of its own connection: pending migrations then run in a worker (migrate-task.ts) with
 * `job.progress` events of op `update`, which the lock screen shows, and the main connection
 * opens only once the worker has committed and exited. A vault from a newer Between is refused
 * before anything opens it for writing.
 */
import { asCoreError, CoreError } from '../errors'
import { transferableCopy } from '../jobs/job-protocol'
import type { JobRunner } from '../jobs/job-runner'
import { latestVersion } from './migrate'

export interface SchemaUpdateDeps {
  jobs: JobRunner
  /** The automatic backup of the old schema, before anything changes (failures are recorded, not thrown). */
  backupBefore(dataKey: Buffer): Promise<void>
}

/** What the vault knows once the key is proven: the database, its key (the vault's; copy it) and its schema version. */
export interface ProvenVault {
  database: string
  dataKey: Buffer
  schemaVersion: number
}

export function createSchemaUpdate(deps: SchemaUpdateDeps) {
  return async ({ database, dataKey, schemaVersion }: ProvenVault): Promise<void> => {
    const latest = latestVersion()
    if (schemaVersion > latest) throw new CoreError('VAULT_FROM_FUTURE')
    if (schemaVersion === latest) return
    if (schemaVersion > 0) await deps.backupBefore(dataKey)
    let run: Awaited<ReturnType<typeof deps.jobs.run<'vault.migrate'>>>
    try {
      run = await deps.jobs.run('update', { name: 'vault.migrate', input: {}, database, key: transferableCopy(dataKey) })
    } catch (error) {
      // A worker that died (or could not start) rolled nothing forward: say so in the update's own code.
      const known = asCoreError(error)
      if (known && known.code !== 'INTERNAL') throw known
      throw new CoreError('MIGRATION_FAILED', { cause: known?.cause ?? { code: 'NONE' } })
    }
    // Stopped (jobs.cancel 'update'): the transaction was rolled back and the vault stays locked.
    if (run.status === 'cancelled') throw new CoreError('VAULT_LOCKED')
  }
}
