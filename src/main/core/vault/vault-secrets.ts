/**
 * Proving a secret against the header's wraps, and sealing the data key under a new passphrase.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { CoreError } from '../errors'
import type { KdfCost } from '../ports'
import { fixedPart, type PassphraseKdfParams, type RecoveryIdentity, type VaultHeader } from './header'
import { derivePassphraseKey, KDF_SALT_BYTES } from './kdf'
import type { VaultContext } from './vault-context'
import { openPassphraseSlot, openRecoverySlot, sealPassphraseSlot } from './wrap'

export type Secret = { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; secret: Buffer }

export const randomSalt = (): Buffer => randomBytes(KDF_SALT_BYTES)

export const kdfParams = (cost: KdfCost, salt: Buffer): PassphraseKdfParams => ({
  kdf: 'argon2id',
  argon2Version: 19,
  memoryKiB: cost.memoryKiB,
  iterations: cost.iterations,
  parallelism: cost.parallelism,
  salt: salt.toString('base64'),
})

export const costOf = (header: VaultHeader): KdfCost => ({
  memoryKiB: header.passphrase.memoryKiB,
  iterations: header.passphrase.iterations,
  parallelism: header.passphrase.parallelism,
})

export const identityOf = (header: VaultHeader): RecoveryIdentity => ({
  salt: header.recovery.salt,
  publicKey: header.recovery.publicKey,
})

export const sameKey = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

/** Authenticates the secret against a header's wrap; WRONG_* on failure. */
export async function unwrap(header: VaultHeader, secret: Secret): Promise<Buffer> {
  const fixed = fixedPart(header)
  if (secret.kind === 'recovery') {
    const key = openRecoverySlot(fixed, header.recovery, secret.secret)
    if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
    return key
  }
  // Between never accepts an empty passphrase, and Argon2 refuses an empty input.
  if (secret.passphrase.length === 0) throw new CoreError('WRONG_PASSPHRASE')
  const salt = Buffer.from(header.passphrase.salt, 'base64')
  const kek = await derivePassphraseKey(secret.passphrase, salt, costOf(header))
  try {
    const key = openPassphraseSlot(fixed, header.passphrase, identityOf(header), kek)
    if (!key) throw new CoreError('WRONG_PASSPHRASE')
    return key
  } finally {
    kek.fill(0)
  }
}

/** Re-wraps `dataKey` under a new passphrase (fresh salt, the header's cost) and writes the header. */
export async function rewrapPassphrase(ctx: VaultContext, header: VaultHeader, dataKey: Buffer, passphrase: string, since: number): Promise<void> {
  const salt = randomSalt()
  const kek = await derivePassphraseKey(passphrase, salt, costOf(header))
  ctx.assertNotInterrupted(since, kek)
  try {
    const slot = sealPassphraseSlot(fixedPart(header), kdfParams(costOf(header), salt), identityOf(header), kek, dataKey)
    ctx.writeHeader({ ...header, passphrase: slot })
  } finally {
    kek.fill(0)
  }
}
