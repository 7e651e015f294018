/**
 * What the app shell (Electron, or the e2e harness) does for the core: the few effects that
 * leave the vault on the person's request, and the window's signals to the lock.
 */
export interface ShellPort {
  /** Hands an already vetted URL to the OS. */
  openExternal(url: string): Promise<void>
  /** Puts text on the system clipboard and remembers it, so a lock can clear it. */
  writeClipboard(text: string): Promise<void> | void
  /** The person is using the window (resets the idle timer). */
  activity(): void
  /** The renderer has saved what was being edited, answering the `ui.flush` event `token`. */
  flushed(token: string): void
}

/** Does nothing: tests and the e2e harness, where no OS effect is wanted. */
export const inertShell: ShellPort = {
  openExternal: async () => undefined,
  writeClipboard: async () => undefined,
  activity: () => undefined,
  flushed: () => undefined,
}
