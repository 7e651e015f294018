/**
 * Opening the SQLCipher 4 database with a raw 32-byte key. Every connection goes through here.
 *
 * Order: refuse a plaintext SQLite file; open; `cipher='sqlcipher'`, `legacy=4`; key with the raw
 * key literal `x'<64 hex>'` (the bytes of `PRAGMA key="x'…'"`, passed as a Buffer that is zeroed
 * right after, so the key never becomes an immutable JS string); prove the key with a read of
 * sqlite_master; then journal_mode=WAL, synchronous=FULL, temp_store=MEMORY, secure_delete=ON,
 * foreign_keys=ON.
 *
 * The caller has already proven the key by unwrapping it (AES-GCM), so a failure to read the
 * database with it means the file is damaged or is not this vault's: VAULT_CORRUPT.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { CoreError } from '../errors'
import { corrupt, fromSqlite, ioError, isNotFound } from './failures'

/** "SQLite format 3\0": the first 16 bytes of every unencrypted SQLite database. */
export const PLAINTEXT_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

export const REQUIRED_PRAGMAS = Object.freeze({
  journal_mode: 'wal',
  synchronous: 2, // FULL
  temp_store: 2, // MEMORY
  secure_delete: 1,
  foreign_keys: 1,
})

const HEX = Buffer.from('0123456789abcdef', 'ascii')

/** `x'<hex>'` as bytes, built without an intermediate string. Zero it after use. */
export function rawKeyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3)
  literal[0] = 0x78 // x
  literal[1] = 0x27 // '
  for (let i = 0; i < key.length; i++) {
    const byte = key[i] as number
    literal[2 + i * 2] = HEX[byte >> 4] as number
    literal[3 + i * 2] = HEX[byte & 15] as number
  }
  literal[literal.length - 1] = 0x27
  return literal
}

/** The first `length` bytes of the file (fewer if it is shorter); null when there is no file. */
export function fileHead(path: string, length: number): Buffer | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    if (isNotFound(error)) return null
    throw ioError(error)
  }
  try {
    const head = Buffer.alloc(length)
    return head.subarray(0, readSync(fd, head, 0, length, 0))
  } finally {
    closeSync(fd)
  }
}

/** True when the file exists and begins with the plaintext SQLite magic string. */
export function startsWithPlaintextSqliteHeader(path: string): boolean {
  return fileHead(path, PLAINTEXT_SQLITE_HEADER.length)?.equals(PLAINTEXT_SQLITE_HEADER) ?? false
}

/** Sets cipher, legacy and key on a fresh connection, then proves the key. */
export function applyKey(db: Database.Database, dataKey: Buffer): void {
  db.pragma("cipher='sqlcipher'")
  db.pragma('legacy=4')
  const literal = rawKeyLiteral(dataKey)
  try {
    db.key(literal)
  } finally {
    literal.fill(0)
  }
  // PRAGMA key accepts any key; only a read shows whether it decrypts page 1.
  db.prepare('SELECT count(*) FROM sqlite_master').get()
}

export function applyConnectionPragmas(db: Database.Database): void {
  const mode = db.pragma('journal_mode=WAL', { simple: true })
  if (String(mode).toLowerCase() !== 'wal') throw new CoreError('IO_ERROR', { cause: { code: 'WAL_REFUSED' } })
  db.pragma('synchronous=FULL')
  db.pragma('temp_store=MEMORY')
  db.pragma('secure_delete=ON')
  db.pragma('foreign_keys=ON')
}

export interface OpenEncryptedDatabaseOptions {
  /** Create a new database (the file must not exist yet). Default: the file must exist. */
  create?: boolean
  /**
   * Prove the key and read without writing to the database: a read-only connection cannot
   * checkpoint the WAL into it when it closes. No connection pragmas are set. (It may still
   * create `-wal`/`-shm`: see untouched-sidecars.ts.)
   */
  readOnly?: boolean
}

/**
 * Opens `path` as this project's SQLCipher 4 database keyed with `dataKey` (32 bytes) and sets
 * the connection pragmas. Throws CoreError: VAULT_NOT_FOUND (no file), VAULT_EXISTS (create over
 * an existing file), VAULT_CORRUPT (plaintext SQLite file, empty file, key does not decrypt,
 * damaged page), IO_ERROR. The caller owns the returned connection.
 */
export function openEncryptedDatabase(
  path: string,
  dataKey: Buffer,
  options: OpenEncryptedDatabaseOptions = {},
): Database.Database {
  if (dataKey.length !== 32) throw new CoreError('INTERNAL', { cause: { code: 'BAD_KEY_LENGTH' } })
  const create = options.create === true
  if (create) {
    if (existsSync(path)) throw new CoreError('VAULT_EXISTS')
  } else {
    let size: number
    try {
      size = statSync(path).size
    } catch (error) {
      if (isNotFound(error)) throw new CoreError('VAULT_NOT_FOUND')
      throw ioError(error)
    }
    // An empty file would silently become a new, empty database.
    if (size === 0) throw corrupt()
    if (startsWithPlaintextSqliteHeader(path)) throw new CoreError('VAULT_CORRUPT', { cause: { code: 'PLAINTEXT_SQLITE' } })
  }

  const readOnly = options.readOnly === true && !create
  let db: Database.Database
  try {
    db = new Database(path, { fileMustExist: !create, readonly: readOnly })
  } catch (error) {
    throw ioError(error)
  }
  try {
    applyKey(db, dataKey)
    if (!readOnly) applyConnectionPragmas(db)
    return db
  } catch (error) {
    db.close()
    throw fromSqlite(error)
  }
}

/**
 * Runs a page check without SQLite's per-row CHECK constraints: a row whose value breaks one (a
 * content problem, which Settings → Repair shows) is not damage to the file, and must not make
 * the vault refuse to open or every backup fail verification. Pages, HMACs, b-trees, NOT NULL and
 * indexes are still checked.
 */
export function withoutRowChecks<T>(db: Database.Database, check: () => T): T {
  db.pragma('ignore_check_constraints=ON')
  try {
    return check()
  } finally {
    db.pragma('ignore_check_constraints=OFF')
  }
}

/**
 * PRAGMA quick_check: reads every b-tree page, so SQLCipher's per-page HMAC (SHA-512) is checked
 * on each one, plus the b-tree structure. Anything but "ok" -> VAULT_CORRUPT.
 */
export function quickCheck(db: Database.Database): void {
  let rows: unknown[]
  try {
    rows = withoutRowChecks(db, () => db.pragma('quick_check') as unknown[])
  } catch (error) {
    throw corrupt(error)
  }
  const first = rows[0] as { quick_check?: unknown } | undefined
  if (rows.length !== 1 || first?.quick_check !== 'ok') throw new CoreError('VAULT_CORRUPT', { cause: { code: 'QUICK_CHECK' } })
}

/** PRAGMA integrity_check: quick_check plus index consistency; for verifying backup copies. */
export function integrityCheck(db: Database.Database): void {
  let rows: unknown[]
  try {
    rows = withoutRowChecks(db, () => db.pragma('integrity_check') as unknown[])
  } catch (error) {
    throw corrupt(error)
  }
  const first = rows[0] as { integrity_check?: unknown } | undefined
  if (rows.length !== 1 || first?.integrity_check !== 'ok') {
    throw new CoreError('VAULT_CORRUPT', { cause: { code: 'INTEGRITY_CHECK' } })
  }
}
