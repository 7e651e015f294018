/** Re-encrypting the database under a new data key (the file steps are in rotate.ts). */
import { corrupt } from './failures'
import { fixedPart, serializeHeader, type HeaderFixed, type VaultHeader } from './header'
import { derivePassphraseKey } from './kdf'
import { rotateDatabaseKey } from './rotate'
import type { VaultContext } from './vault-context'
import { costOf, identityOf, kdfParams, randomSalt, sameKey, unwrap } from './vault-secrets'
import { generateDataKey, sealPassphraseSlot, sealRecoverySlot } from './wrap'

/** Requires the vault unlocked and its passphrase. */
export async function rotateDataKey(ctx: VaultContext, passphrase: string): Promise<void> {
  const since = ctx.epoch
  return ctx.serialize(async () => {
    ctx.assertNotInterrupted(since)
    const unlocked = ctx.requireUnlocked()
    const { header, text } = ctx.loadHeader()
    const oldKey = await unwrap(header, { kind: 'passphrase', passphrase })
    const newKey = generateDataKey()
    let kek: Buffer | null = null
    let rekeyed = false
    try {
      ctx.assertNotInterrupted(since)
      if (!sameKey(oldKey, unlocked.dataKey)) throw corrupt()
      const salt = randomSalt()
      kek = await derivePassphraseKey(passphrase, salt, costOf(header))
      ctx.assertNotInterrupted(since)

      const fixed: HeaderFixed = { ...fixedPart(header), keyGeneration: header.keyGeneration + 1 }
      const identity = identityOf(header)
      const next: VaultHeader = {
        ...fixed,
        passphrase: sealPassphraseSlot(fixed, kdfParams(costOf(header), salt), identity, kek, newKey),
        recovery: sealRecoverySlot(fixed, identity, newKey),
      }
      ctx.options.onBeforeRotate?.(unlocked.db)
      rotateDatabaseKey({
        db: unlocked.db,
        dir: ctx.paths.dir,
        oldKey,
        newKey,
        currentHeaderText: text,
        nextHeaderText: serializeHeader(next),
        onRekeyed: () => {
          rekeyed = true
          unlocked.dataKey.fill(0)
          unlocked.dataKey = newKey
        },
      })
    } finally {
      oldKey.fill(0)
      kek?.fill(0)
      if (!rekeyed) newKey.fill(0)
    }
  })
}
