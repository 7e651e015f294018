import type { Prefs } from '../../../shared/prefs'
import { collectAllowedAddresses, vetExternalUrl, type CrisisPlanAddresses, type TherapistChannels } from './vet-url'

/** The core's answer to "may this link leave the app?" (see vet-url.ts for the rules). */
export interface LinkVetter {
  /** The URL to open, rebuilt from its parsed parts, or null when it is not allowed. */
  vet(url: string): Promise<string | null>
}

export interface LinkSources {
  /**
   * The therapists' channels and the crisis plan, read from the vault at the time of the
   * request; null while the vault is locked (then only the lock-screen crisis line counts).
   */
  vault(): Promise<VaultAddresses | null> | VaultAddresses | null
  prefs(): Pick<Prefs, 'showCrisisOnLockScreen' | 'lockScreenCrisisLine' | 'emergencyNumber'>
}

export interface VaultAddresses {
  therapists: ReadonlyArray<TherapistChannels>
  crisisPlan: CrisisPlanAddresses | null
}

export function createLinkVetter(sources: LinkSources): LinkVetter {
  return {
    async vet(url) {
      const vault = await sources.vault()
      const allowed = collectAllowedAddresses({
        therapists: vault?.therapists ?? null,
        crisisPlan: vault?.crisisPlan ?? null,
        prefs: sources.prefs(),
      })
      return vetExternalUrl(url, allowed)
    },
  }
}
