/**
 * The Jobs port over Node worker threads: one thread per job, in Electron's main process and in
 * tests alike. The thread opens its own connection to the vault, so the main thread's event
 * loop keeps answering the window while a backup or an export runs. Cancelling terminates the
 * thread; run() settles only once the thread has exited, so the caller can then remove the
 * job's working files knowing nothing writes them any more.
 */
import { Worker } from 'node:worker_threads'
import { CoreError } from '../errors'
import type { JobRequest, JobRunOptions, Jobs } from '../ports'
import { errorOf, JobCancelledError, type JobMessage } from './job-protocol'
import type { JobName, JobOutput } from './job-tasks'
import { workerEntry, type WorkerEntry } from './worker-entry'

const jobsWorker = (): WorkerEntry => workerEntry('jobs', new URL('./jobs.worker.ts', import.meta.url))

/**
 * Jobs that stream (no table is ever in memory whole) run with a small heap: V8 then collects
 * each page's garbage as it goes instead of growing the thread's heap by a hundred MB or more
 * during a large export.
 */
const STREAMING: ReadonlySet<string> = new Set<JobName>(['backup.write', 'backup.inspect', 'backup.checkFiles', 'export.json', 'export.markdownDocument', 'export.reportHtml'])
const STREAMING_HEAP = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 }

export function createThreadJobs(entry: () => WorkerEntry = jobsWorker): Jobs {
  return {
    run<N extends JobName>(request: JobRequest<N>, options: JobRunOptions): Promise<JobOutput<N>> {
      const { onProgress, signal, logger } = options
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          if (request.key) new Uint8Array(request.key).fill(0)
          reject(new JobCancelledError())
          return
        }
        const { url, execArgv } = entry()
        let worker: Worker
        try {
          const resourceLimits = STREAMING.has(request.name) ? STREAMING_HEAP : {}
          worker = new Worker(url, { execArgv, workerData: request, transferList: request.key ? [request.key] : [], resourceLimits })
        } catch {
          if (request.key && request.key.byteLength > 0) new Uint8Array(request.key).fill(0)
          reject(new CoreError('INTERNAL', { cause: { code: 'JOB_WORKER_START' } }))
          return
        }
        let answer: { ok: true; output: JobOutput<N> } | { ok: false; error: Error } | null = null
        const cancel = (): void => void worker.terminate()
        signal.addEventListener('abort', cancel, { once: true })
        worker.on('message', (message: JobMessage) => {
          if (message.type === 'progress') onProgress(message)
          else if (message.type === 'log') logger[message.level](message.code, message.detail)
          else if (message.type === 'done') answer = { ok: true, output: message.output as JobOutput<N> }
          else answer = { ok: false, error: errorOf(message) }
        })
        worker.on('error', () => {
          answer ??= { ok: false, error: new CoreError('INTERNAL', { cause: { code: 'JOB_WORKER_ERROR' } }) }
        })
        worker.on('exit', () => {
          signal.removeEventListener('abort', cancel)
          if (answer?.ok) resolve(answer.output)
          else if (signal.aborted) reject(new JobCancelledError())
          else reject(answer?.error ?? new CoreError('INTERNAL', { cause: { code: 'JOB_WORKER_EXIT' } }))
        })
      })
    },
  }
}
