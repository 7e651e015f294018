import { isRpcError, rpc } from './rpc'

/**
 * Copies text for the person. In the app this goes through main (`clipboard.write`), which
 * remembers what Between copied and clears it from the clipboard on lock; the window itself has
 * no clipboard permission. Only where that channel is missing (UNKNOWN_CHANNEL) is the browser's
 * clipboard API tried.
 *
 * Resolves 'guarded' (main will clear it on lock), 'plain' (copied, nobody will clear it) or
 * false (it did not work).
 */
export async function copyText(text: string): Promise<'guarded' | 'plain' | false> {
  try {
    await rpc('clipboard.write', { text })
    return 'guarded'
  } catch (error) {
    if (!isRpcError(error, 'UNKNOWN_CHANNEL') && !isRpcError(error, 'BRIDGE_UNAVAILABLE')) return false
  }
  try {
    await navigator.clipboard.writeText(text)
    return 'plain'
  } catch {
    return false
  }
}
