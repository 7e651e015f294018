import type { Channel } from './contract'

/**
 * The channels that answer while the vault is locked; every other one answers VAULT_LOCKED.
 * docs/api.md states this list; tests/integration/core/locked-channels.test.ts calls every
 * channel on a locked vault to prove it matches the code.
 */
export const WORKS_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>([
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.resetWithRecoveryKey',
  'backup.chooseFolder',
  'backup.listAvailable',
  'backup.test',
  'backup.restore',
  'prefs.get',
  'prefs.set',
  'shell.openExternal',
  'clipboard.write',
  'ui.activity',
  'ui.flushed',
  // A restore runs while locked, so its Stop must too; discarding a preview only forgets it.
  'jobs.cancel',
  'import.discard',
])
