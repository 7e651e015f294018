import { jobCancelInput, jobCancelResult } from '../schemas/jobs'
import { channel } from './channel'

/** Long work (backups, their checks, exports, imports) reports `job.progress` events and can be stopped. */
export const jobsContract = {
  /** Stops the running job of that kind; it leaves nothing half-written and its call answers `cancelled`. */
  'jobs.cancel': channel(jobCancelInput, jobCancelResult),
} as const
