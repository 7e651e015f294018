import { isRpcError } from '../../lib/rpc'
import { vaultStrings as s } from './vault.strings'

/** The fields that carry a new passphrase (a lone surrogate there is refused). */
const PASSPHRASE_FIELDS = new Set(['passphrase', 'next', 'newPassphrase'])

/**
 * Our words for what went wrong. The person is never blamed: errors are the app's problem,
 * and every message says that nothing changed when that is true.
 */
export function vaultErrorMessage(error: unknown): string {
  if (!isRpcError(error)) return s.errors.generic
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
      return s.unlock.wrong
    case 'WRONG_RECOVERY_KEY':
      return s.recoveryUnlock.wrong
    case 'INVALID_RECOVERY_KEY_FORMAT':
      return s.recoveryUnlock.typo
    case 'WEAK_PASSPHRASE':
      return s.errors.weak
    case 'VAULT_CORRUPT':
      return s.errors.corrupt
    case 'VAULT_FROM_FUTURE':
      return s.errors.fromFuture
    case 'MIGRATION_FAILED':
      return s.errors.migration
    case 'VAULT_EXISTS':
      return s.errors.exists
    case 'INVALID_INPUT':
      return PASSPHRASE_FIELDS.has(error.field ?? '') ? s.errors.unstorable : s.errors.generic
    case 'VAULT_IN_USE':
      return s.errors.inUse
    case 'IO_ERROR':
      return s.errors.io
    case 'BRIDGE_UNAVAILABLE':
      return s.errors.disconnected
    default:
      return s.errors.generic
  }
}

/** An Error whose message is already in our words, for forms that show `error.message`. */
export const friendlyError = (error: unknown): Error => new Error(vaultErrorMessage(error))
