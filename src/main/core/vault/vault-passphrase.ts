/** Changing the passphrase (with the current one) and setting a new one with the recovery key. */
import { CoreError } from '../errors'
import { corrupt } from './failures'
import { fixedPart } from './header'
import { assertPassphraseFloor } from './kdf'
import { parseRecoveryKey } from './recovery-key'
import type { VaultContext } from './vault-context'
import { unlockWith } from './vault-open'
import { rewrapPassphrase, sameKey, unwrap } from './vault-secrets'
import { openRecoverySlot } from './wrap'

/** Re-wraps the data key; requires the vault unlocked. */
export async function changePassphrase(ctx: VaultContext, current: string, next: string): Promise<void> {
  assertPassphraseFloor(next)
  const since = ctx.epoch
  return ctx.serialize(async () => {
    ctx.assertNotInterrupted(since)
    const unlocked = ctx.requireUnlocked()
    const { header } = ctx.loadHeader()
    const key = await unwrap(header, { kind: 'passphrase', passphrase: current })
    try {
      ctx.assertNotInterrupted(since)
      if (!sameKey(key, unlocked.dataKey)) throw corrupt()
      await rewrapPassphrase(ctx, header, key, next, since)
    } finally {
      key.fill(0)
    }
  })
}

/** Re-wraps under a new passphrase with the recovery key; leaves the vault unlocked. */
export async function resetWithRecoveryKey(ctx: VaultContext, recoveryKey: string, newPassphrase: string): Promise<void> {
  const secret = parseRecoveryKey(recoveryKey)
  try {
    assertPassphraseFloor(newPassphrase)
  } catch (error) {
    secret.fill(0)
    throw error
  }
  const since = ctx.epoch
  return ctx.serialize(async () => {
    try {
      ctx.assertNotInterrupted(since)
      if (!ctx.state) await unlockWith(ctx, { kind: 'recovery', secret }, since)
      const unlocked = ctx.requireUnlocked()
      const { header } = ctx.loadHeader()
      const key = openRecoverySlot(fixedPart(header), header.recovery, secret)
      if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
      try {
        if (!sameKey(key, unlocked.dataKey)) throw corrupt()
        await rewrapPassphrase(ctx, header, key, newPassphrase, since)
      } finally {
        key.fill(0)
      }
    } finally {
      secret.fill(0)
    }
  })
}
