import './rpc'

/**
 * Copies text for the person. In the app this goes through main (`clipboard.write`), which
 * remembers what Between copied and clears it from the clipboard on lock; the window itself has
 * no clipboard permission. Where that channel is not available (an older core), the browser's
 * clipboard API is the fallback.
 *
 * Resolves 'guarded' (main will clear it on lock), 'plain' (copied, nobody will clear it) or
 * false (neither worked).
 */
export async function copyText(text: string): Promise<'guarded' | 'plain' | false> {
  const bridge = window.bridge
  if (bridge) {
    const result = await bridge.invoke('clipboard.write', { text }).catch(() => null)
    if (result?.ok) return 'guarded'
    if (result && result.error.code !== 'UNKNOWN_CHANNEL') return false
  }
  try {
    await navigator.clipboard.writeText(text)
    return 'plain'
  } catch {
    return false
  }
}
