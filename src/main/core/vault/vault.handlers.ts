import type { Core } from '../index'

export const vaultHandlers = (core: Core) => ({
  'vault.status': () => ({ state: core.vault.status() }),
  'vault.create': ({ passphrase }: { passphrase: string }) => core.vault.create(passphrase),
  'vault.unlock': async (input: { passphrase: string } | { recoveryKey: string }) => {
    await core.vault.unlock(input)
    return { unlocked: true as const }
  },
  'vault.lock': () => {
    core.lock('manual')
    return { locked: true as const }
  },
  'vault.changePassphrase': async ({ current, next }: { current: string; next: string }) => {
    await core.vault.changePassphrase(current, next)
    await core.sync.changePassphrase({ current, next })
    return { changed: true as const }
  },
  'vault.resetWithRecoveryKey': async (input: { recoveryKey: string; newPassphrase: string }) => {
    await core.vault.resetWithRecoveryKey(input.recoveryKey, input.newPassphrase)
    return { changed: true as const }
  },
})
