import type { Core } from '../index'

/**
 * The sync header follows a passphrase change. The vault's change has happened whatever the
 * sync folder's state; a folder that is unreachable now keeps the previous passphrase there
 * (docs/sync.md), and the person is not told the change failed when it did not.
 */
async function rewrapSync(core: Core, next: string): Promise<void> {
  try {
    await core.sync.changePassphrase({ next })
  } catch (error) {
    core.logger.warn('sync.rewrap_failed', { code: (error as { code?: string }).code ?? 'UNKNOWN' })
  }
}

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
    await rewrapSync(core, next)
    return { changed: true as const }
  },
  'vault.resetWithRecoveryKey': async (input: { recoveryKey: string; newPassphrase: string }) => {
    await core.vault.resetWithRecoveryKey(input.recoveryKey, input.newPassphrase)
    await rewrapSync(core, input.newPassphrase)
    return { changed: true as const }
  },
  'vault.rotateKey': ({ passphrase }: { passphrase: string }) => core.vault.rotateDataKey(passphrase),
})
