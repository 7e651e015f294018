import { createLinkVetter, type LinkVetter, type VaultAddresses } from '../links/link-vetter'
import { createMemoryPrefsStore, type PrefsStore } from '../prefs/prefs-store'
import { inertShell, type ShellPort } from './shell-port'

/** The createCore options the app shell adds (src/main/index.ts passes both). */
export interface AppShellOptions {
  /** Preferences (electron-store in the app, a JSON file or memory in tests); memory by default. */
  prefs?: PrefsStore
  /** OS effects and window signals; inert by default (tests, e2e harness). */
  shell?: ShellPort
}

/** What the core exposes for the prefs, shell and ui handler slices. */
export interface AppShell {
  prefs: PrefsStore
  shell: ShellPort
  links: LinkVetter
}

export interface AppShellSources {
  vault: { status(): 'none' | 'locked' | 'unlocked' }
  therapists: { list(input: Record<string, never>): VaultAddresses['therapists'] }
  crisisPlan: { get(): NonNullable<VaultAddresses['crisisPlan']> }
}

/**
 * The app-shell part of the core: prefs, shell port and the link vetter, which reads the
 * therapists' channels and the crisis plan while the vault is unlocked.
 */
export function createAppShell(options: AppShellOptions, sources: AppShellSources): AppShell {
  const prefs = options.prefs ?? createMemoryPrefsStore()
  return {
    prefs,
    shell: options.shell ?? inertShell,
    links: createLinkVetter({
      vault: () =>
        sources.vault.status() === 'unlocked'
          ? { therapists: sources.therapists.list({}), crisisPlan: sources.crisisPlan.get() }
          : null,
      prefs: () => prefs.get(),
    }),
  }
}
