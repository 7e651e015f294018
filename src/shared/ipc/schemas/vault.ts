import { z } from 'zod'

/** Passphrases are never trimmed: every character counts. */
export const passphraseSchema = z.string().min(1).max(1024)
export const recoveryKeySchema = z.string().min(1).max(200)

export const vaultStatusSchema = z.strictObject({ state: z.enum(['none', 'locked', 'unlocked']) })
export type VaultStatus = z.infer<typeof vaultStatusSchema>['state']

export const unlockInput = z.union([
  z.strictObject({ passphrase: passphraseSchema }),
  z.strictObject({ recoveryKey: recoveryKeySchema }),
])
