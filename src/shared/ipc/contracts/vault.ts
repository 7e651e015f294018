import { z } from 'zod'
import { emptyInput } from '../schemas/common'
import { newPassphraseSchema, passphraseSchema, recoveryKeySchema, unlockInput, vaultStatusSchema } from '../schemas/vault'
import { channel } from './channel'

export const vaultContract = {
  'vault.status': channel(emptyInput, vaultStatusSchema),
  'vault.create': channel(
    z.strictObject({ passphrase: newPassphraseSchema }),
    z.strictObject({ recoveryKey: z.string() }),
  ),
  'vault.unlock': channel(unlockInput, z.strictObject({ unlocked: z.literal(true) })),
  'vault.lock': channel(emptyInput, z.strictObject({ locked: z.literal(true) })),
  'vault.changePassphrase': channel(
    z.strictObject({ current: passphraseSchema, next: newPassphraseSchema }),
    z.strictObject({ changed: z.literal(true) }),
  ),
  'vault.resetWithRecoveryKey': channel(
    z.strictObject({ recoveryKey: recoveryKeySchema, newPassphrase: newPassphraseSchema }),
    z.strictObject({ changed: z.literal(true) }),
  ),
  /**
   * Re-encrypts the journal under a new random data key, in a worker (job `rotate-key`: progress
   * events, `jobs.cancel`); the passphrase and the recovery key stay as they are. Meanwhile every
   * other call on the vault answers VAULT_IN_USE. `cancelled`: stopped before the rekey, the
   * vault is whole under its old key. WRONG_PASSPHRASE changes nothing.
   */
  'vault.rotateKey': channel(z.strictObject({ passphrase: passphraseSchema }), z.strictObject({ status: z.enum(['rotated', 'cancelled']) })),
} as const
