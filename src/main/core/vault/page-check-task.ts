/**
 * The full page check at unlock as a job task (jobs/job-tasks.ts `vault.checkPages`):
 * PRAGMA quick_check (every page's HMAC and the b-tree) on the worker's own read-only
 * connection, so the main thread keeps answering the window meanwhile. A damaged vault fails
 * with VAULT_CORRUPT (cause QUICK_CHECK), which reaches the unlock as that code.
 */
import type { JobContext } from '../jobs/job-context'
import { quickCheck } from './open-database'

export function checkVaultPages(job: JobContext, _input: Record<string, never>): void {
  quickCheck(job.db())
}
