import { JobCancelledError } from '../../src/main/core/jobs/job-protocol'
import type { JobName } from '../../src/main/core/jobs/job-tasks'
import type { Jobs } from '../../src/main/core/ports'
import { testJobs } from './test-jobs'

export interface HeldJob {
  /** The app's worker jobs, except that a job of the held name waits for `release()` before its worker starts. */
  jobs: Jobs
  /** Resolves when a held job is waiting (again after each release or cancel). */
  waiting(): Promise<void>
  /** Lets the waiting job run in its worker. */
  release(): void
}

/**
 * A long job that can be looked at while it runs, whatever the vault's size: a job named `name`
 * waits before its worker starts, and `jobs.cancel` ends the wait as a cancelled job (nothing
 * touched), as a stop does in the worker.
 */
export function holdJob(name: JobName): HeldJob {
  const threads = testJobs()
  let release = (): void => undefined
  let began = (): void => undefined
  let started = new Promise<void>((resolve) => (began = resolve))
  return {
    jobs: {
      async run(request, options) {
        if (request.name !== name) return threads.run(request, options)
        began()
        try {
          await new Promise<void>((resolve, reject) => {
            release = resolve
            options.signal.addEventListener(
              'abort',
              () => {
                if (request.key) new Uint8Array(request.key).fill(0)
                reject(new JobCancelledError())
              },
              { once: true },
            )
          })
        } finally {
          started = new Promise<void>((resolve) => (began = resolve))
        }
        return threads.run(request, options)
      },
    },
    waiting: () => started,
    release: () => release(),
  }
}
