import { isRpcError } from '../../lib/rpc'
import { syncStrings as s } from './sync.strings'

/** The words for a failed sync action, by error code. */
export function syncErrorText(error: unknown): string {
  if (isRpcError(error, 'WRONG_PASSPHRASE')) return s.wrongPassphrase
  if (isRpcError(error, 'WEAK_PASSPHRASE')) return s.weakPassphrase
  if (isRpcError(error, 'SYNC_FOLDER_INVALID')) return s.folderInvalid
  if (isRpcError(error, 'SYNC_DEVICE_REMOVED')) return s.removedHere
  if (isRpcError(error, 'SYNC_MOVED')) return s.movedHere
  return s.failed
}

/** Why sync cannot go on here until it is turned off and the folder joined again; null for any other error. */
export function joinAgainReason(error: unknown): { title: string; intro: string } | null {
  if (isRpcError(error, 'SYNC_DEVICE_REMOVED')) return { title: s.removedTitle, intro: s.removedIntro }
  if (isRpcError(error, 'SYNC_MOVED')) return { title: s.movedTitle, intro: s.movedIntro }
  return null
}
