/**
 * The full page check at unlock, off the main thread (issue 17; DESIGN.md "Where work runs").
 * The vault calls it once the key is proven, with no connection of its own open (vault-open.ts):
 * the check runs in a worker on a read-only connection (page-check-task.ts), and the vault's
 * read-write connection opens only after it passed. Short upkeep nobody stops: a lock() meanwhile
 * is seen when it ends. A worker that died or could not start fails the unlock (INTERNAL), with
 * nothing opened for writing.
 */
import { transferableCopy } from '../jobs/job-protocol'
import type { JobRunner } from '../jobs/job-runner'
import type { PageCheck } from './vault-context'

export function createPageCheck(jobs: Pick<JobRunner, 'inWorker'>): PageCheck {
  return ({ database, dataKey }) => jobs.inWorker({ name: 'vault.checkPages', input: {}, database, readOnly: true, key: transferableCopy(dataKey) })
}
