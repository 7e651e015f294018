/** The data key of a backup, from the secret that was current when it was made. */
import { CoreError } from '../errors'
import { fixedPart, type VaultHeader } from '../vault/header'
import { derivePassphraseKey } from '../vault/kdf'
import { parseRecoveryKey } from '../vault/recovery-key'
import { openPassphraseSlot, openRecoverySlot } from '../vault/wrap'

export type Unlock = { passphrase: string } | { recoveryKey: string }

/** Opens a backup's data key with the passphrase or recovery key that were current when it was made. */
export async function unwrapBackupKey(header: VaultHeader, unlock: Unlock): Promise<Buffer> {
  const fixed = fixedPart(header)
  if ('recoveryKey' in unlock) {
    const secret = parseRecoveryKey(unlock.recoveryKey)
    try {
      const key = openRecoverySlot(fixed, header.recovery, secret)
      if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
      return key
    } finally {
      secret.fill(0)
    }
  }
  if (unlock.passphrase.length === 0) throw new CoreError('WRONG_PASSPHRASE')
  const kek = await derivePassphraseKey(unlock.passphrase, Buffer.from(header.passphrase.salt, 'base64'), {
    memoryKiB: header.passphrase.memoryKiB,
    iterations: header.passphrase.iterations,
    parallelism: header.passphrase.parallelism,
  })
  try {
    const key = openPassphraseSlot(fixed, header.passphrase, { salt: header.recovery.salt, publicKey: header.recovery.publicKey }, kek)
    if (!key) throw new CoreError('WRONG_PASSPHRASE')
    return key
  } finally {
    kek.fill(0)
  }
}
