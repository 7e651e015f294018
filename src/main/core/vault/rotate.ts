/**
 * Data-key rotation: the database is re-encrypted under a new random key.
 *
 * Synchronous from the first file touched to the last, so no other work in this process can
 * write to the database in between. Steps:
 *   1. wal_checkpoint(TRUNCATE) so the main file holds everything;
 *   2. copy the database, still under the OLD key, into `pre-rotation.tmp/between.db` with
 *      `VACUUM INTO` (see below), fsync it, and write the OLD header beside it;
 *   3. open that copy with the old key through openEncryptedDatabase and run
 *      PRAGMA integrity_check; only an "ok" lets us go on;
 *   4. swap it in as `<dataDir>/pre-rotation/` (the previous rotation's copy is removed);
 *   5. write the NEW header (new key wrapped by passphrase and recovery key) as
 *      `between.header.next.json`, atomically;
 *   6. journal_mode=DELETE, rekey, journal_mode=WAL (SQLCipher cannot rekey in WAL mode);
 *   7. rename `between.header.next.json` over `between.header.json`, fsync the folder;
 *   8. open the database with the new key on a second connection and quick_check it.
 * A crash before 6 commits leaves the database under the old key and the old header in place
 * (the pending file is ignored, then removed at the next unlock). A crash between 6 and 7
 * leaves the database under the new key with the old header; unlock notices that the header's
 * key does not open the database and uses the pending header instead (vault.service.ts).
 *
 * Why VACUUM INTO and not the backup API: better-sqlite3's `db.backup(file)` opens the
 * destination on a connection of its own without a key, and SQLite3 Multiple Ciphers refuses a
 * backup from an encrypted source into an unencrypted target ("backup is not supported with
 * incompatible source and target databases"), which is right: the copy would be plaintext.
 * `VACUUM INTO` writes through the source connection, so the target is encrypted with the same
 * cipher settings and key; it reads every page (each one HMAC-checked) inside one read
 * transaction, so the copy is a consistent snapshot.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import { fsyncDirectory, fsyncFile, removeIfPresent, writeFileAtomicSync } from './atomic-write'
import { ioError, toVaultError } from './failures'
import { DATABASE_FILE, HEADER_FILE, PENDING_HEADER_FILE, PRE_ROTATION_DIR } from './header'
import { integrityCheck, openEncryptedDatabase, quickCheck, rawKeyLiteral } from './open-database'

export interface RotationInput {
  db: Database.Database
  dir: string
  oldKey: Buffer
  newKey: Buffer
  /** The current header file's exact text: copied beside the backup. */
  currentHeaderText: string
  /** The new header (the new key wrapped by passphrase and recovery key). */
  nextHeaderText: string
  /** Called as soon as the database is under the new key (the caller swaps its key then). */
  onRekeyed: () => void
}

const preRotationTemp = (dir: string): string => join(dir, `${PRE_ROTATION_DIR}.tmp`)

/** Step 1–4: a verified copy under the old key in `<dir>/pre-rotation/`. */
export function makeVerifiedBackup(db: Database.Database, dir: string, oldKey: Buffer, headerText: string): void {
  const temp = preRotationTemp(dir)
  const finalDir = join(dir, PRE_ROTATION_DIR)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    rmSync(temp, { recursive: true, force: true })
    mkdirSync(temp, { mode: 0o700 })
    const copy = join(temp, DATABASE_FILE)
    db.prepare('VACUUM INTO ?').run(copy)
    fsyncFile(copy)
    writeFileAtomicSync(join(temp, HEADER_FILE), headerText)
  } catch (error) {
    rmSync(temp, { recursive: true, force: true })
    throw toVaultError(error)
  }

  const check = openEncryptedDatabase(join(temp, DATABASE_FILE), oldKey)
  try {
    integrityCheck(check)
  } finally {
    check.close()
  }

  try {
    rmSync(finalDir, { recursive: true, force: true })
    renameSync(temp, finalDir)
    fsyncDirectory(dir)
  } catch (error) {
    throw ioError(error)
  }
}

export function rotateDatabaseKey(input: RotationInput): void {
  const { db, dir, oldKey, newKey } = input
  const headerPath = join(dir, HEADER_FILE)
  const pendingPath = join(dir, PENDING_HEADER_FILE)

  makeVerifiedBackup(db, dir, oldKey, input.currentHeaderText)

  try {
    writeFileAtomicSync(pendingPath, input.nextHeaderText)
  } catch (error) {
    throw ioError(error)
  }

  const literal = rawKeyLiteral(newKey)
  try {
    db.pragma('journal_mode=DELETE')
    db.rekey(literal)
  } catch (error) {
    // The rekey runs in one transaction: on failure the file is still under the old key.
    literal.fill(0)
    try {
      db.pragma('journal_mode=WAL')
    } finally {
      removeIfPresent(pendingPath)
    }
    throw toVaultError(error)
  }
  literal.fill(0)
  input.onRekeyed()

  try {
    const mode = db.pragma('journal_mode=WAL', { simple: true })
    if (String(mode).toLowerCase() !== 'wal') throw new CoreError('IO_ERROR', { cause: { code: 'WAL_REFUSED' } })
    renameSync(pendingPath, headerPath)
    fsyncDirectory(dir)
  } catch (error) {
    // The database is under the new key; the pending header stays for the next unlock.
    throw toVaultError(error)
  }

  const verify = openEncryptedDatabase(join(dir, DATABASE_FILE), newKey)
  try {
    quickCheck(verify)
  } finally {
    verify.close()
  }
}
