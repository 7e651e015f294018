/**
 * Turning low-level failures into CoreErrors without carrying user content along.
 *
 * Node's fs errors put the full path (which names the user's home folder) in their message, and
 * SQLite's messages can quote SQL. The `cause` we attach is therefore a small plain object with
 * the error's code only, never the original error.
 */
import { CoreError } from '../errors'

interface CodedError {
  code?: unknown
  syscall?: unknown
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as CodedError).code === 'string'
    ? ((error as CodedError).code as string)
    : 'UNKNOWN'

/** The cause attached to CoreErrors: codes only, safe to log or serialise. */
export function safeCause(error: unknown): { code: string; syscall?: string } {
  const syscall = typeof error === 'object' && error !== null ? (error as CodedError).syscall : undefined
  return typeof syscall === 'string' ? { code: codeOf(error), syscall } : { code: codeOf(error) }
}

export const ioError = (error: unknown): CoreError =>
  error instanceof CoreError ? error : new CoreError('IO_ERROR', { cause: safeCause(error) })

export const corrupt = (error?: unknown): CoreError =>
  error instanceof CoreError && error.code === 'VAULT_CORRUPT'
    ? error
    : new CoreError('VAULT_CORRUPT', error === undefined ? {} : { cause: safeCause(error) })

export const isNotFound = (error: unknown): boolean => codeOf(error) === 'ENOENT'

/** SQLite result codes that mean "the bytes on disk are not what they should be". */
export function isSqliteCorruption(error: unknown): boolean {
  const code = codeOf(error)
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')
}

/** SQLite result codes that mean the disk or the OS failed us (not the data). */
export function isSqliteIo(error: unknown): boolean {
  const code = codeOf(error)
  return (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_PERM' ||
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED')
  )
}

/** Maps anything thrown by better-sqlite3 to VAULT_CORRUPT / IO_ERROR; CoreErrors pass through. */
export function fromSqlite(error: unknown): unknown {
  if (error instanceof CoreError) return error
  if (isSqliteCorruption(error)) return corrupt(error)
  if (isSqliteIo(error)) return ioError(error)
  return error
}

/** For file and database work where anything unexpected is the disk's fault: corruption stays
 * VAULT_CORRUPT, CoreErrors pass through, everything else is IO_ERROR. */
export function toVaultError(error: unknown): CoreError {
  if (error instanceof CoreError) return error
  if (isSqliteCorruption(error)) return corrupt(error)
  return ioError(error)
}
