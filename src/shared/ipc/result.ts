export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_CORRUPT',
  'VAULT_IN_USE',
  'VAULT_FROM_FUTURE',
  'MIGRATION_FAILED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'INVALID_RECOVERY_KEY_FORMAT',
  'WEAK_PASSPHRASE',
  'UNTRUSTED_SENDER',
  'IO_ERROR',
  'INVALID_IMPORT',
  'BACKUP_INVALID',
  'SYNC_FOLDER_INVALID',
  'SYNC_NOT_ENABLED',
  'SYNC_DEVICE_REMOVED',
  'SYNC_MOVED',
  'SESSION_NOT_STARTED',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Errors carry a stable code and generic text: never user content, never a stack. */
export interface RpcError {
  code: ErrorCode
  message: string
  /** For INVALID_INPUT: the dotted path of the first offending field. */
  field?: string
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError }

export const ok = <T>(value: T): RpcResult<T> => ({ ok: true, value })
export const fail = (error: RpcError): RpcResult<never> => ({ ok: false, error })
