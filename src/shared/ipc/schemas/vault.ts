import { z } from 'zod'

/** Passphrases are never trimmed: every character counts. */
export const passphraseSchema = z.string().min(1).max(1024)
/** A UTF-16 surrogate without its pair: it has no UTF-8 form (it would become U+FFFD). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * A passphrase being set (create, change, reset): refused when it holds a lone surrogate, which
 * Argon2id would see as U+FFFD, so that any other lone surrogate in its place would open the
 * vault. Unlock still takes any string, for vaults made before this rule.
 */
export const newPassphraseSchema = passphraseSchema.refine((text) => !LONE_SURROGATE.test(text), 'has a character that cannot be stored')

export const recoveryKeySchema = z.string().min(1).max(200)

export const vaultStatusSchema = z.strictObject({ state: z.enum(['none', 'locked', 'unlocked']) })
export type VaultStatus = z.infer<typeof vaultStatusSchema>['state']

export const unlockInput = z.union([
  z.strictObject({ passphrase: passphraseSchema }),
  z.strictObject({ recoveryKey: recoveryKeySchema }),
])
