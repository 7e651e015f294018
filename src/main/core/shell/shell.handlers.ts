import type { shellContract } from '../../../shared/ipc/contracts/shell'
import type { uiContract } from '../../../shared/ipc/contracts/ui'
import type { LinkVetter } from '../links/link-vetter'
import type { ShellPort } from './shell-port'
import type { SliceHandlers } from './slice-handlers'

type ShellHandlers = SliceHandlers<typeof shellContract>
type UiHandlers = SliceHandlers<typeof uiContract>

export function shellHandlers(links: LinkVetter, shell: ShellPort): ShellHandlers {
  return {
    async 'shell.openExternal'({ url }) {
      const safe = await links.vet(url)
      if (safe === null) return { opened: false }
      try {
        await shell.openExternal(safe)
        return { opened: true }
      } catch {
        return { opened: false }
      }
    },
    async 'clipboard.write'({ text }) {
      await shell.writeClipboard(text)
      return { written: true }
    },
  }
}

export function uiHandlers(shell: ShellPort): UiHandlers {
  return {
    'ui.activity'() {
      shell.activity()
      return { received: true }
    },
    'ui.flushed'({ token }) {
      shell.flushed(token)
      return { received: true }
    },
  }
}
