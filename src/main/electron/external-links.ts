import type { ShellPort } from '../core/shell/shell-port'
import type { ClipboardGuard } from './clipboard'

/**
 * The one place Between calls shell.openExternal. The URL has already been vetted by the core
 * (src/main/core/links: only addresses the person recorded); this is the last check before the
 * OS sees it, so a bug upstream can never hand file:, smb:, ms-settings: or a custom
 * protocol handler to the OS.
 */
export const OPENABLE_PROTOCOLS: ReadonlySet<string> = new Set(['mailto:', 'sms:', 'tel:', 'https:'])

export interface ShellLike {
  openExternal(url: string, options?: { activate?: boolean }): Promise<void>
}

export async function openVettedExternal(shell: ShellLike, vettedUrl: string): Promise<void> {
  const url = new URL(vettedUrl)
  if (!OPENABLE_PROTOCOLS.has(url.protocol)) throw new Error('REFUSED_PROTOCOL')
  if (url.protocol === 'https:' && (url.username !== '' || url.password !== '')) throw new Error('REFUSED_USERINFO')
  await shell.openExternal(vettedUrl, { activate: true })
}

export interface ElectronShellDeps {
  shell: ShellLike
  clipboard: ClipboardGuard
  /** Forwarded to the lock (set once the lock controller exists). */
  onActivity(): void
  onFlushed(token: string): void
}

/** The core's ShellPort, done with Electron. */
export function createElectronShellPort(deps: ElectronShellDeps): ShellPort {
  return {
    openExternal: (url) => openVettedExternal(deps.shell, url),
    writeClipboard: (text) => deps.clipboard.write(text),
    activity: () => deps.onActivity(),
    flushed: (token) => deps.onFlushed(token),
  }
}
