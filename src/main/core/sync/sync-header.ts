/**
 * The sync header, `between-sync.json` at the top of the sync folder: every sync key (one per
 * epoch; removing a device starts a new epoch) wrapped under the passphrase (Argon2id, as the
 * vault header) and under each joined computer's recovery key, plus the device roster sealed
 * under the current key. Plain JSON; nothing in it is readable without a key: the roster's
 * names, ids and times are inside a sealed, padded blob.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { CoreError } from '../errors'
import type { KdfCost } from '../ports'
import { derivePassphraseKey, KDF_LIMITS, KDF_SALT_BYTES } from '../vault/kdf'
import { recoverySlotSchema, type HeaderFixed, type RecoveryIdentity } from '../vault/header'
import { aesGcmUnwrap, aesGcmWrap, generateDataKey, openRecoverySlot, sealRecoverySlot } from '../vault/wrap'
import { openFile, sealFile } from './sealed-file'
import { rosterSchema, type Roster } from './roster'

export const SYNC_FORMAT = 'between-sync'
export const SYNC_VERSION = 1

const b64 = (bytes: number) =>
  z.string().refine((text) => Buffer.from(text, 'base64').length === bytes && Buffer.from(text, 'base64').toString('base64') === text)

const wrappedSchema = z.strictObject({ nonce: b64(12), wrappedKey: b64(32), tag: b64(16) })

export const syncHeaderSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  version: z.literal(SYNC_VERSION),
  folderId: z.uuid(),
  current: z.int().min(1),
  kdf: z.strictObject({
    kdf: z.literal('argon2id'),
    argon2Version: z.literal(19),
    memoryKiB: z.int().min(8).max(KDF_LIMITS.maxMemoryKiB),
    iterations: z.int().min(1).max(KDF_LIMITS.maxIterations),
    parallelism: z.int().min(1).max(KDF_LIMITS.maxParallelism),
    salt: b64(KDF_SALT_BYTES),
  }),
  keys: z.array(
    z.strictObject({ epoch: z.int().min(1), passphrase: wrappedSchema, recovery: z.array(recoverySlotSchema).max(64) }),
  ).min(1).max(1024),
  /** The roster sealed under the current key (base64 of a sealed file). */
  roster: z.string().max(4 * 1024 * 1024),
})

export type SyncHeader = z.infer<typeof syncHeaderSchema>
export type SyncKeys = Map<number, Buffer>

/** Parses the header's text; SYNC_FOLDER_INVALID when it is not one (never echoes the text). */
export function parseSyncHeader(text: string): SyncHeader {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: 'HEADER_NOT_JSON' } })
  }
  const parsed = syncHeaderSchema.safeParse(json)
  if (!parsed.success) throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: 'HEADER_SCHEMA' } })
  return parsed.data
}

export const serializeSyncHeader = (header: SyncHeader): string => `${JSON.stringify(header, null, 2)}\n`

const passphraseAad = (header: Pick<SyncHeader, 'folderId' | 'kdf'>, epoch: number): Buffer =>
  Buffer.from(
    [`${SYNC_FORMAT}/${SYNC_VERSION}/passphrase`, header.folderId, epoch, header.kdf.memoryKiB, header.kdf.iterations, header.kdf.parallelism, header.kdf.salt].join('|'),
    'ascii',
  )

/**
 * The recovery wrap is the vault's (wrap.ts: X25519 + HKDF + AES-GCM); its associated data binds
 * the sync folder's id and the key's epoch in the fields the vault uses for its id and key generation.
 */
const recoveryFixed = (folderId: string, epoch: number): HeaderFixed => ({
  format: 'between-vault',
  version: 1,
  vaultId: folderId,
  createdAt: 0,
  keyGeneration: epoch,
  database: { cipher: 'sqlcipher', legacy: 4 },
})

const sealRoster = (keys: SyncKeys, epoch: number, roster: Roster): string =>
  sealFile(keys.get(epoch) as Buffer, epoch, { kind: 'roster', device: '0000000000000000', sequence: epoch }, Buffer.from(JSON.stringify(roster))).toString('base64')

export function readRoster(header: SyncHeader, keys: SyncKeys): Roster {
  const opened = openFile(keys, { kind: 'roster', device: '0000000000000000', sequence: header.current }, Buffer.from(header.roster, 'base64'))
  if (!opened.ok) throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: `ROSTER_${opened.why}` } })
  const parsed = rosterSchema.safeParse(JSON.parse(opened.payload.toString('utf8')))
  if (!parsed.success) throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: 'ROSTER_SCHEMA' } })
  return parsed.data
}

export interface NewHeaderInput {
  passphrase: string
  cost: KdfCost
  /** The person's recovery key and this device's own key: each gets a wrap of every sync key. */
  recoveries: readonly RecoveryIdentity[]
  roster: Roster
}

/** A new header with a fresh random sync key (epoch 1); returns it with the key. */
export async function createSyncHeader(input: NewHeaderInput): Promise<{ header: SyncHeader; keys: SyncKeys }> {
  const salt = randomBytes(KDF_SALT_BYTES)
  const base = {
    folderId: randomUUID(),
    kdf: { kdf: 'argon2id' as const, argon2Version: 19 as const, ...input.cost, salt: salt.toString('base64') },
  }
  const kek = await derivePassphraseKey(input.passphrase, salt, input.cost)
  try {
    const keys: SyncKeys = new Map([[1, generateDataKey()]])
    const header: SyncHeader = {
      format: SYNC_FORMAT,
      version: SYNC_VERSION,
      ...base,
      current: 1,
      keys: [wrapEpoch(base, kek, 1, keys.get(1) as Buffer, input.recoveries)],
      roster: sealRoster(keys, 1, input.roster),
    }
    return { header, keys }
  } finally {
    kek.fill(0)
  }
}

function wrapEpoch(
  header: Pick<SyncHeader, 'folderId' | 'kdf'>,
  kek: Buffer,
  epoch: number,
  key: Buffer,
  recoveries: readonly RecoveryIdentity[],
): SyncHeader['keys'][number] {
  return {
    epoch,
    passphrase: aesGcmWrap(kek, key, passphraseAad(header, epoch)),
    recovery: recoveries.map((identity) => sealRecoverySlot(recoveryFixed(header.folderId, epoch), identity, key)),
  }
}

/** Every key in the header, unwrapped with the passphrase; WRONG_PASSPHRASE when it is not the one. */
export async function openWithPassphrase(header: SyncHeader, passphrase: string): Promise<SyncKeys> {
  const kek = await derivePassphraseKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf)
  try {
    const keys: SyncKeys = new Map()
    for (const slot of header.keys) {
      const key = aesGcmUnwrap(kek, slot.passphrase, passphraseAad(header, slot.epoch))
      if (!key) throw new CoreError('WRONG_PASSPHRASE')
      keys.set(slot.epoch, key)
    }
    return keys
  } finally {
    kek.fill(0)
  }
}

/**
 * The keys a recovery secret opens: the person's recovery key, or a device's own secret (a
 * removed device's opens no key made after its removal). WRONG_RECOVERY_KEY when it opens none.
 */
export function openWithRecovery(header: SyncHeader, secret: Buffer): SyncKeys {
  const keys: SyncKeys = new Map()
  for (const slot of header.keys) {
    for (const recovery of slot.recovery) {
      const key = openRecoverySlot(recoveryFixed(header.folderId, slot.epoch), recovery, secret)
      if (key) {
        keys.set(slot.epoch, key)
        break
      }
    }
  }
  if (keys.size === 0) throw new CoreError('WRONG_RECOVERY_KEY')
  return keys
}

const recoveriesOf = (header: SyncHeader): RecoveryIdentity[] =>
  (header.keys.at(-1)?.recovery ?? []).map((slot) => ({ salt: slot.salt, publicKey: slot.publicKey }))

export interface RewrapInput {
  header: SyncHeader
  keys: SyncKeys
  passphrase: string
  roster: Roster
  /** A new epoch with a fresh key (a device was removed). */
  rotate?: boolean
  /** Keys to wrap for as well (a device joined: its own key and its vault's recovery key). */
  addRecoveries?: readonly RecoveryIdentity[]
  /** A key to wrap for no longer (a removed device's own key). */
  dropRecovery?: string
}

/**
 * The header again, every key wrapped under `passphrase` (a fresh salt: a passphrase change is a
 * rewrap), optionally with a new epoch and key, and the roster sealed under the current key.
 * Returns the new header and the (possibly grown) key set.
 */
export async function rewrapSyncHeader(input: RewrapInput): Promise<{ header: SyncHeader; keys: SyncKeys }> {
  const keys: SyncKeys = new Map(input.keys)
  let current = input.header.current
  if (input.rotate) {
    current += 1
    keys.set(current, generateDataKey())
  }
  const recoveries = recoveriesOf(input.header).filter((r) => r.publicKey !== input.dropRecovery)
  for (const added of input.addRecoveries ?? []) if (!recoveries.some((r) => r.publicKey === added.publicKey)) recoveries.push(added)
  const salt = randomBytes(KDF_SALT_BYTES)
  const base = { folderId: input.header.folderId, kdf: { ...input.header.kdf, salt: salt.toString('base64') } }
  const kek = await derivePassphraseKey(input.passphrase, salt, base.kdf)
  try {
    const header: SyncHeader = {
      format: SYNC_FORMAT,
      version: SYNC_VERSION,
      ...base,
      current,
      keys: [...keys].sort((a, b) => a[0] - b[0]).map(([epoch, key]) => wrapEpoch(base, kek, epoch, key, recoveries)),
      roster: sealRoster(keys, current, input.roster),
    }
    return { header, keys }
  } finally {
    kek.fill(0)
  }
}
