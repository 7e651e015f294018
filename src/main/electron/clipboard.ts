import { createHmac, randomBytes } from 'node:crypto'

/** Electron's clipboard module (asynchronous since Electron 45), or a fake. */
export interface ClipboardLike {
  writeText(text: string): Promise<void>
  readText(): Promise<string>
  clear(): void
}

/**
 * Remembers what Between put on the clipboard — as a keyed hash in memory, never the text —
 * so that locking clears the clipboard only if it still holds Between's text (the person may
 * have copied something else since, which is theirs).
 */
export interface ClipboardGuard {
  /** Writes text for the person (the `clipboard.write` channel). */
  write(text: string): Promise<void>
  /** After a native copy/cut in our window: remember what is on the clipboard now. */
  rememberCurrent(): Promise<void>
  /** On lock: clears the clipboard when it still holds text Between put there. Never rejects. */
  clearIfOurs(): Promise<boolean>
}

const MAX_REMEMBERED = 20

export function createClipboardGuard(clipboard: ClipboardLike, key: Buffer = randomBytes(32)): ClipboardGuard {
  const digests = new Set<string>()
  const digest = (text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex')
  const remember = (text: string): void => {
    if (text === '') return
    digests.add(digest(text))
    while (digests.size > MAX_REMEMBERED) digests.delete(digests.values().next().value as string)
  }
  return {
    async write(text) {
      await clipboard.writeText(text)
      remember(text)
    },
    async rememberCurrent() {
      try {
        remember(await clipboard.readText())
      } catch {
        // Nothing readable: nothing to remember.
      }
    },
    async clearIfOurs() {
      const remembered = new Set(digests)
      digests.clear()
      if (remembered.size === 0) return false
      try {
        const current = await clipboard.readText()
        if (current === '' || !remembered.has(digest(current))) return false
        clipboard.clear()
        return true
      } catch {
        return false
      }
    },
  }
}
