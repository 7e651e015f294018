/**
 * The header file beside the database: `<dataDir>/between.header.json`.
 *
 * Plain JSON, validated with zod on every read. It holds no secret in the clear: the data key
 * appears only wrapped (AES-256-GCM), once under the passphrase key and once under the recovery
 * key. Every field that is not itself wrap output is bound into the associated data of the
 * wraps (see passphraseAad / recoveryAad), so editing one makes the wrap fail to authenticate.
 * docs/file-format.md documents every field; keep the two in step.
 */
import { z } from 'zod'
import { CoreError } from '../errors'
import { KDF_LIMITS } from './kdf'

export const HEADER_FORMAT = 'between-vault'
export const HEADER_VERSION = 1
export const DATABASE_FILE = 'between.db'
export const HEADER_FILE = 'between.header.json'
/** Written before a data-key rotation rekeys the database; promoted once the rekey is done. */
export const PENDING_HEADER_FILE = 'between.header.next.json'
export const PRE_ROTATION_DIR = 'pre-rotation'

/** Canonical base64 (RFC 4648, with padding) of exactly `bytes` bytes. */
const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => {
      const decoded = Buffer.from(text, 'base64')
      return decoded.length === bytes && decoded.toString('base64') === text
    }, `expected base64 of ${bytes} bytes`)

export const passphraseSlotSchema = z
  .strictObject({
    kdf: z.literal('argon2id'),
    argon2Version: z.literal(19),
    memoryKiB: z.int().min(8).max(KDF_LIMITS.maxMemoryKiB),
    iterations: z.int().min(1).max(KDF_LIMITS.maxIterations),
    parallelism: z.int().min(1).max(KDF_LIMITS.maxParallelism),
    salt: base64Of(16),
    cipher: z.literal('aes-256-gcm'),
    nonce: base64Of(12),
    wrappedKey: base64Of(32),
    tag: base64Of(16),
  })
  .refine((slot) => slot.memoryKiB >= 8 * slot.parallelism, 'argon2 needs memoryKiB >= 8 * parallelism')

export const recoverySlotSchema = z.strictObject({
  kdf: z.literal('hkdf-sha256'),
  agreement: z.literal('x25519'),
  salt: base64Of(16),
  publicKey: base64Of(32),
  ephemeralPublicKey: base64Of(32),
  cipher: z.literal('aes-256-gcm'),
  nonce: base64Of(12),
  wrappedKey: base64Of(32),
  tag: base64Of(16),
})

export const vaultHeaderSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(HEADER_VERSION),
  vaultId: z.uuid(),
  createdAt: z.int().min(0),
  keyGeneration: z.int().min(1),
  database: z.strictObject({ cipher: z.literal('sqlcipher'), legacy: z.literal(4) }),
  passphrase: passphraseSlotSchema,
  recovery: recoverySlotSchema,
})

export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>
export type RecoverySlot = z.infer<typeof recoverySlotSchema>
export type VaultHeader = z.infer<typeof vaultHeaderSchema>

/** The header minus both wraps: what a new wrap is computed against. */
export type HeaderFixed = Pick<VaultHeader, 'format' | 'version' | 'vaultId' | 'createdAt' | 'keyGeneration' | 'database'>
/** The recovery key's public part, fixed at creation. */
export type RecoveryIdentity = Pick<RecoverySlot, 'salt' | 'publicKey'>
export type PassphraseKdfParams = Omit<PassphraseSlot, 'cipher' | 'nonce' | 'wrappedKey' | 'tag'>

/**
 * Parses header text. Unparsable JSON or a schema violation -> VAULT_CORRUPT; a header of this
 * format with a newer version -> VAULT_FROM_FUTURE. Never echoes the text.
 */
export function parseHeader(text: string): VaultHeader {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CoreError('VAULT_CORRUPT', { cause: { code: 'HEADER_NOT_JSON' } })
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === HEADER_FORMAT &&
    Number.isInteger((json as { version?: unknown }).version) &&
    ((json as { version: number }).version) > HEADER_VERSION
  ) {
    throw new CoreError('VAULT_FROM_FUTURE')
  }
  const parsed = vaultHeaderSchema.safeParse(json)
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? ''
    throw new CoreError('VAULT_CORRUPT', { cause: { code: 'HEADER_SCHEMA', path } })
  }
  return parsed.data
}

export function serializeHeader(header: VaultHeader): string {
  return `${JSON.stringify(header, null, 2)}\n`
}

/**
 * Associated data of the passphrase wrap (ASCII, fields joined by "|"):
 *   between-vault/1/passphrase | vaultId | createdAt | keyGeneration | sqlcipher | 4 |
 *   argon2id | 19 | memoryKiB | iterations | parallelism | passphrase.salt |
 *   recovery.salt | recovery.publicKey
 * Numbers in decimal, base64 values exactly as written in the header. Binding the recovery
 * public key here authenticates it at every passphrase unlock (rotation wraps to it).
 */
export function passphraseAad(fixed: HeaderFixed, kdf: PassphraseKdfParams, recovery: RecoveryIdentity): Buffer {
  return Buffer.from(
    [
      `${HEADER_FORMAT}/${fixed.version}/passphrase`,
      fixed.vaultId,
      fixed.createdAt,
      fixed.keyGeneration,
      fixed.database.cipher,
      fixed.database.legacy,
      kdf.kdf,
      kdf.argon2Version,
      kdf.memoryKiB,
      kdf.iterations,
      kdf.parallelism,
      kdf.salt,
      recovery.salt,
      recovery.publicKey,
    ].join('|'),
    'ascii',
  )
}

/**
 * Associated data of the recovery wrap (ASCII, fields joined by "|"):
 *   between-vault/1/recovery | vaultId | createdAt | keyGeneration | sqlcipher | 4 |
 *   hkdf-sha256 | x25519 | recovery.salt | recovery.publicKey | recovery.ephemeralPublicKey
 */
export function recoveryAad(fixed: HeaderFixed, recovery: RecoveryIdentity, ephemeralPublicKey: string): Buffer {
  return Buffer.from(
    [
      `${HEADER_FORMAT}/${fixed.version}/recovery`,
      fixed.vaultId,
      fixed.createdAt,
      fixed.keyGeneration,
      fixed.database.cipher,
      fixed.database.legacy,
      'hkdf-sha256',
      'x25519',
      recovery.salt,
      recovery.publicKey,
      ephemeralPublicKey,
    ].join('|'),
    'ascii',
  )
}

export const fixedPart = (header: VaultHeader): HeaderFixed => ({
  format: header.format,
  version: header.version,
  vaultId: header.vaultId,
  createdAt: header.createdAt,
  keyGeneration: header.keyGeneration,
  database: header.database,
})
