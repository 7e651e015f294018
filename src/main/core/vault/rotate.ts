/**
 * Data-key rotation, the file steps: the database is re-encrypted under a new random key. A job
 * task (jobs/job-tasks.ts `vault.rotate`): it runs in a worker thread on a connection of its
 * own, opened with the old key, while the main thread's connection is closed (SQLCipher can only
 * rekey in rollback-journal mode, and leaving WAL mode needs the only connection). Steps:
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
 * The rekey (6) is one transaction under a rollback journal: a crash (or SIGKILL) during it
 * leaves a hot journal that the next open rolls back, so the file is under the old key again.
 * A crash before 6 commits leaves the database under the old key and the old header in place
 * (the pending file is ignored, then removed at the next unlock). A crash between 6 and 7
 * leaves the database under the new key with the old header; unlock notices that the header's
 * key does not open the database and uses the pending header instead (vault-open.ts).
 *
 * Progress: the phase is reported as each step starts; within the two long native calls the
 * main thread reads the size of the file being written (rotationFiles below).
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
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { GrowingFile } from '../jobs/job-runner'
import type { JobContext } from '../jobs/job-context'
import { fsyncDirectory, fsyncFile, removeIfPresent, writeFileAtomicSync } from './atomic-write'
import { ioError, toVaultError } from './failures'
import { DATABASE_FILE, HEADER_FILE, PENDING_HEADER_FILE, PRE_ROTATION_DIR } from './header'
import { integrityCheck, openEncryptedDatabase, quickCheck, rawKeyLiteral } from './open-database'

export interface RotationInput {
  dir: string
  /** The current header file's exact text: copied beside the backup. */
  currentHeaderText: string
  /** The new header (the new key wrapped by passphrase and recovery key). */
  nextHeaderText: string
}

/** The job's key: the old data key then the new one, 32 bytes each. */
export const rotationKeys = (oldKey: Buffer, newKey: Buffer): Buffer => Buffer.concat([oldKey, newKey])

const KEY_BYTES = 32
const preRotationTemp = (dir: string): string => join(dir, `${PRE_ROTATION_DIR}.tmp`)

/** What the main thread watches grow, by phase: the copy, then the rekey's rollback journal. */
export const rotationFiles = (dir: string, databaseBytes: number): GrowingFile[] => [
  { path: join(preRotationTemp(dir), DATABASE_FILE), phase: 'copying', total: databaseBytes },
  { path: join(dir, `${DATABASE_FILE}-journal`), phase: 'writing', total: databaseBytes },
]

/** Step 1–4: a verified copy under the old key in `<dir>/pre-rotation/`. */
function makeVerifiedBackup(job: JobContext, db: Database.Database, dir: string, oldKey: Buffer, headerText: string, total: number): void {
  const temp = preRotationTemp(dir)
  const finalDir = join(dir, PRE_ROTATION_DIR)
  const copy = join(temp, DATABASE_FILE)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    rmSync(temp, { recursive: true, force: true })
    mkdirSync(temp, { mode: 0o700 })
    job.progress('copying', 0, total)
    db.prepare('VACUUM INTO ?').run(copy)
    fsyncFile(copy)
    writeFileAtomicSync(join(temp, HEADER_FILE), headerText)
  } catch (error) {
    rmSync(temp, { recursive: true, force: true })
    throw toVaultError(error)
  }

  job.progress('checking', 0, 1)
  const check = openEncryptedDatabase(copy, oldKey)
  try {
    integrityCheck(check)
  } finally {
    check.close()
  }
  job.progress('checking', 1, 1)

  try {
    rmSync(finalDir, { recursive: true, force: true })
    renameSync(temp, finalDir)
    fsyncDirectory(dir)
  } catch (error) {
    throw ioError(error)
  }
}

/** Steps 5–7 on the job's connection: the pending header, the rekey, the header promoted. */
function rekeyAndPromote(job: JobContext, db: Database.Database, dir: string, newKey: Buffer, nextHeaderText: string, total: number): void {
  const pendingPath = join(dir, PENDING_HEADER_FILE)
  try {
    writeFileAtomicSync(pendingPath, nextHeaderText)
  } catch (error) {
    throw ioError(error)
  }

  const literal = rawKeyLiteral(newKey)
  try {
    db.pragma('journal_mode=DELETE')
    job.progress('writing', 0, total)
    db.rekey(literal)
  } catch (error) {
    // The rekey runs in one transaction: on failure the file is still under the old key.
    removeIfPresent(pendingPath)
    throw toVaultError(error)
  } finally {
    literal.fill(0)
  }
  job.progress('writing', total, total)

  try {
    const mode = db.pragma('journal_mode=WAL', { simple: true })
    if (String(mode).toLowerCase() !== 'wal') throw new CoreError('IO_ERROR', { cause: { code: 'WAL_REFUSED' } })
    renameSync(pendingPath, join(dir, HEADER_FILE))
    fsyncDirectory(dir)
  } catch (error) {
    // The database is under the new key; the pending header stays for the next open.
    throw toVaultError(error)
  }
}

/** The task: `job.key()` is rotationKeys(old, new); the caller reopens the vault afterwards. */
export function rotateVaultKey(job: JobContext, input: RotationInput): void {
  const keys = job.key()
  if (keys.length !== 2 * KEY_BYTES) throw new CoreError('INTERNAL', { cause: { code: 'BAD_KEY_LENGTH' } })
  const oldKey = keys.subarray(0, KEY_BYTES)
  const newKey = keys.subarray(KEY_BYTES)
  const database = join(input.dir, DATABASE_FILE)

  const db = openEncryptedDatabase(database, oldKey)
  try {
    const total = statSync(database).size
    makeVerifiedBackup(job, db, input.dir, oldKey, input.currentHeaderText, total)
    rekeyAndPromote(job, db, input.dir, newKey, input.nextHeaderText, total)
  } finally {
    db.close()
  }

  job.progress('verifying', 0, 1)
  const verify = openEncryptedDatabase(database, newKey)
  try {
    quickCheck(verify)
  } finally {
    verify.close()
  }
  job.progress('verifying', 1, 1)
}
