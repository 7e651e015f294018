import type { ErrorCode, RpcError } from '../../shared/ipc/result'

const GENERIC_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some of the information sent was not valid.',
  UNKNOWN_CHANNEL: 'That action does not exist.',
  NOT_FOUND: 'That item could not be found.',
  CONFLICT: 'That change conflicts with existing data.',
  INTERNAL: 'Something went wrong inside Between. Nothing was changed.',
  VAULT_NOT_FOUND: 'No vault was found in the data folder.',
  VAULT_EXISTS: 'A vault already exists in the data folder.',
  VAULT_LOCKED: 'The vault is locked.',
  VAULT_CORRUPT: 'The vault could not be read: it appears to be damaged.',
  VAULT_IN_USE: 'Between is already open on this vault.',
  VAULT_FROM_FUTURE: 'This vault was written by a newer version of Between.',
  MIGRATION_FAILED: 'Between could not update the vault for this version. Nothing was changed.',
  WRONG_PASSPHRASE: 'That passphrase did not unlock the vault.',
  WRONG_RECOVERY_KEY: 'That recovery key did not unlock the vault.',
  INVALID_RECOVERY_KEY_FORMAT: 'That recovery key has a typo: please check each group.',
  WEAK_PASSPHRASE: 'That passphrase is too easy to guess.',
  UNTRUSTED_SENDER: 'The request did not come from Between’s own window.',
  IO_ERROR: 'Between could not write to the data folder.',
  INVALID_IMPORT: 'That file could not be imported. Nothing was changed.',
  BACKUP_INVALID: 'That file is not a complete Between backup: it may be damaged or cut short. Nothing was changed.',
  SYNC_FOLDER_INVALID: 'That folder does not hold Between sync files Between can read. Nothing was changed.',
  SYNC_NOT_ENABLED: 'Sync is not turned on for this computer.',
  SYNC_DEVICE_REMOVED: 'This computer was removed from sync. Join again to keep it in step.',
  SYNC_MOVED: 'This journal was synced on another computer. Join the synced folder as this computer to keep it in step.',
  SESSION_NOT_STARTED: 'Only a session that has started can be marked attended or missed. Nothing was changed.',
}

/** The one error type the core throws on purpose. Its message is generic by construction. */
export class CoreError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined

  constructor(code: ErrorCode, options: { field?: string; cause?: unknown } = {}) {
    super(GENERIC_MESSAGES[code], { cause: options.cause })
    this.name = 'CoreError'
    this.code = code
    this.field = options.field
  }

  toRpcError(): RpcError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}

export const genericError = (code: ErrorCode): RpcError => ({ code, message: GENERIC_MESSAGES[code] })

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX'])

/**
 * SQLite failures the person can act on get their own code, never INTERNAL: a damaged page met
 * after unlock is VAULT_CORRUPT (so the app can offer a restore); a full disk or a read-only
 * folder is IO_ERROR.
 */
export function asCoreError(error: unknown): CoreError | null {
  if (error instanceof CoreError) return error
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (CORRUPTION_CODES.has(code)) return new CoreError('VAULT_CORRUPT', { cause: error })
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) {
    return new CoreError('IO_ERROR', { cause: error })
  }
  return null
}
