/**
 * A job's worker thread: one job, then it exits. Started by thread-jobs.ts with the job's name,
 * input and, transferred, the key. With a database to open, the key opens this thread's own
 * connection (read-only when the request says so) and is zeroed at once; otherwise the task gets it and it is zeroed after the task.
 * Messages back are numbers and codes only (job-protocol.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { JobPhase } from '../../../shared/ipc/schemas/jobs'
import { CoreError } from '../errors'
import { openEncryptedDatabase } from '../vault/open-database'
import type { JobContext, JobTask } from './job-context'
import { failureOf, type JobMessage, type LogDetail, type WorkerRequest } from './job-protocol'
import { jobTasks, type JobName } from './job-tasks'

const PROGRESS_EVERY_MS = 100

function post(message: JobMessage): void {
  parentPort?.postMessage(message)
}

function progressReporter(): JobContext['progress'] {
  let lastPhase: JobPhase | null = null
  let lastAt = 0
  return (phase, done, total) => {
    const now = performance.now()
    if (phase === lastPhase && done < total && now - lastAt < PROGRESS_EVERY_MS) return
    lastPhase = phase
    lastAt = now
    post({ type: 'progress', phase, done, total })
  }
}

const missing = (code: string): never => {
  throw new CoreError('INTERNAL', { cause: { code } })
}

const log = (level: 'warn' | 'error') => (code: string, detail?: LogDetail) =>
  post(detail === undefined ? { type: 'log', level, code } : { type: 'log', level, code, detail })

/** The task's code is loaded first (job-tasks.ts), before the key is copied out of its transferred buffer. */
async function loadTask(name: string): Promise<JobTask<unknown, unknown>> {
  const load = jobTasks[name as JobName] as (() => Promise<unknown>) | undefined
  return (load === undefined ? missing('UNKNOWN_JOB') : await load()) as JobTask<unknown, unknown>
}

function run(request: WorkerRequest, task: JobTask<unknown, unknown>): unknown {
  const key = request.key === undefined ? null : Buffer.from(request.key)
  let db: Database.Database | null = null
  try {
    if (request.database !== undefined) {
      db = openEncryptedDatabase(request.database, key ?? missing('JOB_WITHOUT_KEY'), { readOnly: request.readOnly === true })
      key?.fill(0)
    }
    const open = db
    const context: JobContext = {
      db: () => open ?? missing('JOB_WITHOUT_DATABASE'),
      key: () => key ?? missing('JOB_WITHOUT_KEY'),
      progress: progressReporter(),
      logger: { warn: log('warn'), error: log('error') },
    }
    return task(context, request.input)
  } finally {
    db?.close()
    key?.fill(0)
  }
}

const request = workerData as WorkerRequest
try {
  post({ type: 'done', output: run(request, await loadTask(request.name)) })
} catch (error) {
  if (request.key) new Uint8Array(request.key).fill(0)
  post(failureOf(error))
}
