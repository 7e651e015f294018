/**
 * The backup file: one self-contained file per backup (docs/backups.md).
 *
 *   offset  size  content
 *   0       8     magic "BTWNBKUP" (ASCII)
 *   8       4     container version, uint32 big-endian (1)
 *   12      4     N = byte length of the metadata JSON, uint32 big-endian (<= 1 MiB)
 *   16      N     metadata JSON, UTF-8 (below)
 *   16+N    L     the SQLCipher 4 database: the vault's own encrypted pages (its WAL folded in),
 *                 encrypted with the vault's data key, rollback-journal mode, complete on its own
 *   end           the file is exactly 16 + N + L bytes
 *
 * Metadata: { format: "between-backup", version: 1, createdAt (epoch ms), reason,
 *             schemaVersion, database: { bytes: L, sha256: hex of the L bytes },
 *             vaultHeader: the vault's between.header.json, verbatim as an object }
 * Nothing in the metadata is private: the header holds the data key only wrapped (by the
 * passphrase and by the recovery key, as in the vault folder), so the file opens with the
 * passphrase or recovery key that were current when it was made.
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { CoreError } from '../errors'
import { fsyncDirectory } from '../vault/atomic-write'
import { ioError, isNotFound } from '../vault/failures'

export const BACKUP_MAGIC = Buffer.from('BTWNBKUP', 'ascii')
export const BACKUP_CONTAINER_VERSION = 1
export const BACKUP_FORMAT = 'between-backup'
export const BACKUP_EXTENSION = '.betweenbackup'
const PREFIX_BYTES = 16
const MAX_METADATA_BYTES = 1024 * 1024
const CHUNK = 1024 * 1024

export { BACKUP_REASONS } from '../../../shared/ipc/schemas/backup'
import { BACKUP_REASONS } from '../../../shared/ipc/schemas/backup'
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const backupMetadataSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_CONTAINER_VERSION),
  createdAt: z.number().int().min(0),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int().min(0),
  database: z.strictObject({ bytes: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** The vault header; parsed and checked by the vault's own parser before use. */
  vaultHeader: z.record(z.string(), z.unknown()),
})
export type BackupMetadata = z.infer<typeof backupMetadataSchema>

const invalid = (code: string): CoreError => new CoreError('BACKUP_INVALID', { cause: { code } })

const writeAll = (fd: number, bytes: Uint8Array): void => {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
}

const writeAllAt = (fd: number, bytes: Uint8Array, position: number): void => {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset, position + offset)
}

function prefixFor(metadata: BackupMetadata): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  BACKUP_MAGIC.copy(prefix, 0)
  prefix.writeUInt32BE(BACKUP_CONTAINER_VERSION, 8)
  prefix.writeUInt32BE(json.length, 12)
  return Buffer.concat([prefix, json])
}

/** Where a container is written before its rename: `.<name>.partial` beside the target. */
export const partialPathFor = (target: string): string => join(dirname(target), `.${basename(target)}.partial`)

/** Names of such files in a folder (leftovers of an interrupted backup). */
export const PARTIAL_NAME = /^\.between-.*\.betweenbackup\.partial$/

/** The metadata before the database's checksum is known; writeContainer computes it. */
export type UnhashedMetadata = Omit<BackupMetadata, 'database'> & { database: { bytes: number } }

/** Hex digits stand in for the checksum while the bytes are written: the prefix keeps its length. */
const PENDING_SHA256 = '0'.repeat(64)

/** The source's size and last change, to tell that nothing wrote it while it was read. */
const stamp = (fd: number): string => {
  const stat = fstatSync(fd, { bigint: true })
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`
}

/**
 * Writes the container atomically: `.<name>.partial` beside the target, fsync, rename, fsync
 * the folder. The database bytes are copied from `databasePath` (which must hold exactly
 * `metadata.database.bytes`, and must not change while it is read: its size and change times
 * are compared before and after) in one pass that also hashes them: they go after a prefix of
 * the final length, and the prefix with the checksum is written over it at the end. Returns the
 * metadata written.
 */
export function writeContainer(target: string, metadata: UnhashedMetadata, databasePath: string, onBytes?: (done: number) => void): BackupMetadata {
  const temp = partialPathFor(target)
  const pending = prefixFor({ ...metadata, database: { bytes: metadata.database.bytes, sha256: PENDING_SHA256 } })
  try {
    rmSync(temp, { force: true })
    const out = openSync(temp, 'wx', 0o600)
    let complete: BackupMetadata
    try {
      const input = openSync(databasePath, 'r')
      const hash = createHash('sha256')
      let written = 0
      try {
        const before = stamp(input)
        const buffer = Buffer.allocUnsafe(CHUNK)
        for (;;) {
          const read = readSync(input, buffer, 0, CHUNK, null)
          if (read === 0) break
          hash.update(buffer.subarray(0, read))
          writeAllAt(out, buffer.subarray(0, read), pending.length + written)
          written += read
          onBytes?.(written)
        }
        // The source changed under us: refuse rather than write a file that is not one moment.
        if (written !== metadata.database.bytes || stamp(input) !== before) throw new CoreError('IO_ERROR', { cause: { code: 'BACKUP_SOURCE_CHANGED' } })
      } finally {
        closeSync(input)
      }
      complete = { ...metadata, database: { bytes: written, sha256: hash.digest('hex') } }
      const prefix = prefixFor(complete)
      if (prefix.length !== pending.length) throw new CoreError('INTERNAL', { cause: { code: 'BACKUP_PREFIX_LENGTH' } })
      writeAllAt(out, prefix, 0)
      fsyncSync(out)
    } finally {
      closeSync(out)
    }
    renameSync(temp, target)
    fsyncDirectory(dirname(target))
    return complete
  } catch (error) {
    rmSync(temp, { force: true })
    throw ioError(error)
  }
}

export interface ContainerInfo {
  metadata: BackupMetadata
  /** Where the database bytes start. */
  offset: number
  /** The whole file's size. */
  fileBytes: number
}

/** Reads and checks the prefix and metadata (not the database bytes). BACKUP_INVALID if wrong. */
export function readContainerInfo(path: string): ContainerInfo {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    if (isNotFound(error)) throw new CoreError('NOT_FOUND')
    throw ioError(error)
  }
  try {
    const fileBytes = fstatSync(fd).size
    const prefix = Buffer.alloc(PREFIX_BYTES)
    if (readSync(fd, prefix, 0, PREFIX_BYTES, 0) !== PREFIX_BYTES) throw invalid('TOO_SHORT')
    if (!prefix.subarray(0, 8).equals(BACKUP_MAGIC)) throw invalid('NOT_A_BACKUP')
    const version = prefix.readUInt32BE(8)
    if (version > BACKUP_CONTAINER_VERSION) throw new CoreError('VAULT_FROM_FUTURE')
    if (version !== BACKUP_CONTAINER_VERSION) throw invalid('BAD_VERSION')
    const length = prefix.readUInt32BE(12)
    if (length === 0 || length > MAX_METADATA_BYTES || PREFIX_BYTES + length > fileBytes) throw invalid('BAD_METADATA_LENGTH')
    const json = Buffer.alloc(length)
    if (readSync(fd, json, 0, length, PREFIX_BYTES) !== length) throw invalid('TOO_SHORT')
    let parsed: unknown
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
    } catch {
      throw invalid('METADATA_NOT_JSON')
    }
    const metadata = backupMetadataSchema.safeParse(parsed)
    if (!metadata.success) throw invalid('METADATA_SCHEMA')
    if (PREFIX_BYTES + length + metadata.data.database.bytes !== fileBytes) throw invalid('SIZE_MISMATCH')
    return { metadata: metadata.data, offset: PREFIX_BYTES + length, fileBytes }
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw ioError(error)
  } finally {
    closeSync(fd)
  }
}

/**
 * The read-back of a container just written: its prefix and metadata must be the ones written,
 * and its database bytes, read once more, must hash to the checksum computed while they were
 * written. One read of the file, no second file to compare with. BACKUP_INVALID if not.
 */
export function verifyWritten(path: string, written: BackupMetadata, onBytes?: (done: number) => void): ContainerInfo {
  const info = readContainerInfo(path)
  if (!isDeepStrictEqual(info.metadata, written)) throw invalid('READBACK')
  checkPayload(path, info, undefined, onBytes)
  return info
}

/**
 * Streams the database bytes through sha256 and, when `extractTo` is given, into that new
 * file. BACKUP_INVALID when the bytes are not the ones the metadata names.
 */
export function checkPayload(path: string, info: ContainerInfo, extractTo?: string, onBytes?: (done: number) => void): void {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw ioError(error)
  }
  let out: number | null = null
  try {
    if (extractTo !== undefined) out = openSync(extractTo, 'wx', 0o600)
    const hash = createHash('sha256')
    const buffer = Buffer.alloc(CHUNK)
    let position = info.offset
    let remaining = info.metadata.database.bytes
    while (remaining > 0) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, remaining), position)
      if (read === 0) throw invalid('TOO_SHORT')
      hash.update(buffer.subarray(0, read))
      if (out !== null) writeAll(out, buffer.subarray(0, read))
      position += read
      remaining -= read
      onBytes?.(info.metadata.database.bytes - remaining)
    }
    if (hash.digest('hex') !== info.metadata.database.sha256) throw invalid('CHECKSUM')
    if (out !== null) fsyncSync(out)
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw ioError(error)
  } finally {
    closeSync(fd)
    if (out !== null) closeSync(out)
  }
}
