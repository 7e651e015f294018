import { isRpcError } from '../../lib/rpc'
import { syncStrings as s } from './sync.strings'

/** The words for a failed sync action, by error code. */
export function syncErrorText(error: unknown): string {
  if (isRpcError(error, 'WRONG_PASSPHRASE')) return s.wrongPassphrase
  if (isRpcError(error, 'WEAK_PASSPHRASE')) return s.weakPassphrase
  if (isRpcError(error, 'SYNC_FOLDER_INVALID')) return s.folderInvalid
  if (isRpcError(error, 'SYNC_DEVICE_REMOVED')) return s.removedHere
  return s.failed
}
