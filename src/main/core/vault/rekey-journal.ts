/**
 * The rollback journal a data-key rotation's rekey leaves when it is stopped (rotate.ts, step 6),
 * and what unlock does with it before any connection plays it back (vault-open.ts).
 *
 * The journal's layout is SQLite's (https://www.sqlite.org/fileformat.html, "The Rollback Journal"):
 * a header of big-endian fields (magic, record count, checksum nonce, initial page count, sector
 * size, page size) padded to the sector size, then one record per page: its number, its bytes,
 * a checksum. SQLite3 Multiple Ciphers encrypts each record's page with the key and salt the
 * database had before the rekey; page 1 keeps its salt, the file's first 16 bytes, in clear.
 *
 * Why the salt matters: a rekey also draws a new salt, written with page 1. SQLite writes pages
 * in order once the journal is synced, so a crash after page 1 reached the file and before the
 * journal was deleted leaves a database whose first 16 bytes are the new salt, beside a journal
 * under the old key and the old salt. The cipher derives its page keys from the salt it reads
 * from the file when a connection is keyed, so neither key can then play the journal back
 * (SQLITE_NOTADB, and the vault would not open). The journal's own copy of page 1 holds the old
 * salt: putting those 16 bytes back first lets the old key play the journal back, which then
 * rewrites page 1 (salt included) whole.
 */
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import { ioError, isNotFound } from './failures'
import { fileHead } from './open-database'

/** SQLite's rollback journal magic number, written once the journal's records are synced. */
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex')
const HEADER_BYTES = 28
const SALT_BYTES = 16

const journalOf = (database: string): string => `${database}-journal`

/**
 * True when `<database>-journal` is a rollback journal SQLite will play back at the next open:
 * its header has its magic number, written once the journal is synced and before the first page
 * of the database is overwritten (a journal cut short before that has a zeroed header and is
 * ignored). Only a data-key rotation's rekey writes one (the vault is otherwise in WAL mode).
 */
export function hasHotJournal(database: string): boolean {
  const head = fileHead(journalOf(database), 8)
  return head !== null && head.length === 8 && head.some((byte) => byte !== 0)
}

const isPowerOfTwoIn = (value: number, low: number, high: number): boolean => value >= low && value <= high && (value & (value - 1)) === 0

function readExactly(fd: number, length: number, position: number): Buffer | null {
  const bytes = Buffer.alloc(length)
  return readSync(fd, bytes, 0, length, position) === length ? bytes : null
}

/**
 * The salt page 1 had before the rekey, from the hot journal's first record; null when there is
 * no journal, it is not hot, or its first record is not page 1 (then nothing is known to fix).
 */
export function saltInHotJournal(database: string): Buffer | null {
  let fd: number
  try {
    fd = openSync(journalOf(database), 'r')
  } catch (error) {
    if (isNotFound(error)) return null
    throw ioError(error)
  }
  try {
    const header = readExactly(fd, HEADER_BYTES, 0)
    if (!header?.subarray(0, JOURNAL_MAGIC.length).equals(JOURNAL_MAGIC)) return null
    const sectorSize = header.readUInt32BE(20)
    const pageSize = header.readUInt32BE(24)
    if (!isPowerOfTwoIn(sectorSize, 32, 65_536) || !isPowerOfTwoIn(pageSize, 512, 65_536)) return null
    const record = readExactly(fd, 4 + SALT_BYTES, sectorSize)
    if (record?.readUInt32BE(0) !== 1) return null
    return record.subarray(4)
  } finally {
    closeSync(fd)
  }
}

/**
 * Before the hot journal of a stopped rekey is played back: gives the database file the salt the
 * journal's pages are under, when page 1 had already been rewritten with the new one. Returns
 * whether it wrote. Call it only with the key of the current header proven (the journal is
 * under that key: the header changes only after the rekey's journal is gone).
 */
export function restoreSaltForJournal(database: string): boolean {
  const salt = saltInHotJournal(database)
  const current = fileHead(database, SALT_BYTES)
  if (!salt || !current || current.equals(salt)) return false
  try {
    const fd = openSync(database, 'r+')
    try {
      writeSync(fd, salt, 0, SALT_BYTES, 0)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    throw ioError(error)
  }
  return true
}
