/**
 * What travels between a job's worker thread and the main thread. Never user content: progress
 * is numbers, logs are codes, failures are error codes (CoreError's generic text is rebuilt here).
 */
import type { ErrorCode } from '../../../shared/ipc/result'
import type { JobPhase } from '../../../shared/ipc/schemas/jobs'
import { asCoreError, CoreError } from '../errors'
import { safeCause } from '../vault/failures'

export type LogDetail = Record<string, string | number | boolean>

export type JobMessage =
  | { type: 'progress'; phase: JobPhase; done: number; total: number }
  | { type: 'log'; level: 'warn' | 'error'; code: string; detail?: LogDetail }
  | { type: 'done'; output: unknown }
  | { type: 'failed'; code: ErrorCode; field?: string; cause: { code: string } }

/** What the worker is started with (workerData); `key` is in the transfer list. */
export interface WorkerRequest {
  name: string
  input: unknown
  database?: string
  readOnly?: boolean
  key?: ArrayBuffer
}

/** A job stopped on request: the caller answers `cancelled`. */
export class JobCancelledError extends Error {
  constructor() {
    super('The job was cancelled.')
    this.name = 'JobCancelledError'
  }
}

export function failureOf(error: unknown): Extract<JobMessage, { type: 'failed' }> {
  const coreError = asCoreError(error) ?? new CoreError('INTERNAL', { cause: safeCause(error) })
  const cause = coreError.cause as { code?: unknown } | undefined
  const failure = { type: 'failed' as const, code: coreError.code, cause: { code: typeof cause?.code === 'string' ? cause.code : 'NONE' } }
  return coreError.field === undefined ? failure : { ...failure, field: coreError.field }
}

export function errorOf(failure: Extract<JobMessage, { type: 'failed' }>): CoreError {
  return new CoreError(failure.code, failure.field === undefined ? { cause: failure.cause } : { cause: failure.cause, field: failure.field })
}

/** Copies a key into an ArrayBuffer of its own (to transfer to a worker), leaving the original as it is. */
export function transferableCopy(key: Buffer): ArrayBuffer {
  const own = new ArrayBuffer(key.length)
  new Uint8Array(own).set(key)
  return own
}

/** Copies a key into an ArrayBuffer of its own (to transfer to a worker) and zeroes the original. */
export function transferableKey(key: Buffer): ArrayBuffer {
  const own = transferableCopy(key)
  key.fill(0)
  return own
}
