/**
 * The core's side of long work: runs a job through the Jobs port, pushes its progress to the
 * renderer as `job.progress` { op, phase, done, total }, and lets the person cancel it by kind
 * (`jobs.cancel`). A cancelled job answers `{ status: 'cancelled' }`; its caller removes its files.
 */
import { statSync } from 'node:fs'
import type { JobOp, JobPhase } from '../../../shared/ipc/schemas/jobs'
import type { EventSink, JobRequest, Jobs, Logger } from '../ports'
import { JobCancelledError } from './job-protocol'
import type { JobName, JobOutput } from './job-tasks'

export type JobRun<T> = { status: 'done'; output: T } | { status: 'cancelled' }

/**
 * A file the job is writing in a phase where the worker cannot report (a kernel file copy is
 * one native call): its size is the progress, polled from here.
 */
export interface GrowingFile {
  path: string
  phase: JobPhase
  total: number
}

const POLL_MS = 250

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

export interface JobRunnerDeps {
  jobs: Jobs
  events: EventSink
  logger: Logger
  /** After the last running job ends, when a worker job (which can leave working files) ended meanwhile: tidying leftovers is safe then. */
  onIdle(): void
}

export type JobReport = (progress: { phase: JobPhase; done: number; total: number }) => void

export function createJobRunner(deps: JobRunnerDeps) {
  const running = new Map<AbortController, JobOp>()
  /** A worker job (which can leave working files) ended since the last idle clean-up. */
  let workerJobEnded = false

  /** Registers a job of kind `op`: its stop signal and its progress reporter; `end` when it is over. */
  const register = (op: JobOp, inWorker: boolean) => {
    const controller = new AbortController()
    running.set(controller, op)
    const report: JobReport = (progress) =>
      deps.events.emit('job.progress', { op, phase: progress.phase, done: progress.done, total: progress.total })
    const end = (): void => {
      running.delete(controller)
      workerJobEnded ||= inWorker
      if (running.size > 0 || !workerJobEnded) return
      workerJobEnded = false
      deps.onIdle()
    }
    return { signal: controller.signal, report, end }
  }

  return {
    /** `growing`: one file, or one per phase, whose size is the progress of its phase. */
    async run<N extends JobName>(op: JobOp, request: JobRequest<N>, growing?: GrowingFile | readonly GrowingFile[]): Promise<JobRun<JobOutput<N>>> {
      const job = register(op, true)
      let phase: JobPhase | null = null
      let done = 0
      const report: JobReport = (progress) => {
        phase = progress.phase
        done = progress.done
        job.report(progress)
      }
      const files = growing === undefined ? [] : [growing].flat()
      const poll =
        files.length > 0
          ? setInterval(() => {
              // Never backwards: a file can be gone once its phase is over (a rekey's journal).
              const file = files.find((candidate) => candidate.phase === phase)
              const size = file ? Math.min(sizeOf(file.path), file.total) : 0
              if (file && size > done) report({ phase: file.phase, done: size, total: file.total })
            }, POLL_MS)
          : null
      try {
        const output = await deps.jobs.run(request, { onProgress: report, signal: job.signal, logger: deps.logger })
        return { status: 'done', output }
      } catch (error) {
        if (error instanceof JobCancelledError) return { status: 'cancelled' }
        throw error
      } finally {
        if (poll) clearInterval(poll)
        job.end()
      }
    },

    /**
     * Long work that stays on this thread (a sync pass: short slices on the main connection,
     * yielding between them) registered as a job: the same `job.progress` events, and
     * `jobs.cancel` aborts the signal it is given. The body decides how it stops.
     */
    async runHere<T>(op: JobOp, body: (job: { signal: AbortSignal; report: JobReport }) => Promise<T>): Promise<T> {
      const job = register(op, false)
      try {
        return await body({ signal: job.signal, report: job.report })
      } finally {
        job.end()
      }
    },

    /**
     * Short upkeep in a worker that nobody watches or stops (a WAL checkpoint off the main
     * thread): no `job.progress`, not a running job, leaves no working files.
     */
    inWorker<N extends JobName>(request: JobRequest<N>): Promise<JobOutput<N>> {
      return deps.jobs.run(request, { onProgress: () => undefined, signal: new AbortController().signal, logger: deps.logger })
    },

    /** Stops every running job of that kind; false when none was running. */
    cancel(op: JobOp): { cancelled: boolean } {
      let cancelled = false
      for (const [controller, kind] of running) {
        if (kind !== op) continue
        controller.abort()
        cancelled = true
      }
      return { cancelled }
    },

    busy: (): boolean => running.size > 0,
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
