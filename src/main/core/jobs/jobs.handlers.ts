import type { JobOp } from '../../../shared/ipc/schemas/jobs'
import type { Core } from '../index'

export const jobsHandlers = (core: Core) => ({
  'jobs.cancel': (input: { op: JobOp }) => core.jobs.cancel(input.op),
})
