/**
 * The salt of a stopped rekey (rekey-journal.ts), on journals laid out byte by byte as SQLite
 * writes them: the salt is put back only from a hot journal whose first record is page 1, and
 * only when it differs; anything else leaves the database byte-identical. (The real crash, a
 * SIGKILL once page 1 is rewritten, is in rotate-off-main.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasHotJournal, restoreSaltForJournal, saltInHotJournal } from '../../../src/main/core/vault/rekey-journal'

const PAGE = 4096
const SECTOR = 512
const MAGIC = Buffer.from('d9d505f920a163d7', 'hex')
const OLD_SALT = Buffer.alloc(16, 0xa1)
const NEW_SALT = Buffer.alloc(16, 0xb2)

interface JournalShape {
  magic?: Buffer
  sectorSize?: number
  pageSize?: number
  firstPage?: number
  records?: number
}

/** A rollback journal: header padded to the sector, then `records` page records (page 1 first). */
function journal({ magic = MAGIC, sectorSize = SECTOR, pageSize = PAGE, firstPage = 1, records = 3 }: JournalShape = {}): Buffer {
  const header = Buffer.alloc(sectorSize)
  magic.copy(header, 0)
  header.writeUInt32BE(records, 8)
  header.writeUInt32BE(0x1234_5678, 12)
  header.writeUInt32BE(records, 16)
  header.writeUInt32BE(sectorSize, 20)
  header.writeUInt32BE(pageSize, 24)
  const body = Array.from({ length: records }, (_, i) => {
    const record = Buffer.alloc(4 + pageSize + 4, 0x5c)
    record.writeUInt32BE(firstPage + i, 0)
    if (firstPage + i === 1) OLD_SALT.copy(record, 4)
    return record
  })
  return Buffer.concat([header, ...body])
}

/** A database file of three pages whose first 16 bytes are `salt`. */
const database = (salt: Buffer): Buffer => Buffer.concat([salt, Buffer.alloc(3 * PAGE - 16, 0x3e)])

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'between-rekey-journal-'))
  path = join(dir, 'between.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function lay(db: Buffer, journalBytes: Buffer | null): void {
  writeFileSync(path, db)
  if (journalBytes) writeFileSync(`${path}-journal`, journalBytes)
}

describe('the salt of a stopped rekey', () => {
  it('page 1 already rewritten: the journal’s salt goes back into the file, and nothing else changes', () => {
    const before = database(NEW_SALT)
    lay(before, journal())
    expect(hasHotJournal(path)).toBe(true)
    expect(saltInHotJournal(path)).toEqual(OLD_SALT)
    expect(restoreSaltForJournal(path)).toBe(true)
    const after = readFileSync(path)
    expect(after.subarray(0, 16)).toEqual(OLD_SALT)
    expect(after.subarray(16)).toEqual(before.subarray(16))
    expect(readFileSync(`${path}-journal`)).toEqual(journal())
  })

  it('page 1 not rewritten yet (the same salt): nothing is written', () => {
    lay(database(OLD_SALT), journal())
    expect(restoreSaltForJournal(path)).toBe(false)
    expect(readFileSync(path)).toEqual(database(OLD_SALT))
  })

  const notToTouch: [string, Buffer | null][] = [
    ['no journal', null],
    ['a journal cut short before it was synced (zeroed header)', journal({ magic: Buffer.alloc(8) })],
    ['another magic number', journal({ magic: Buffer.from('0102030405060708', 'hex') })],
    ['a first record that is not page 1', journal({ firstPage: 7 })],
    ['a header alone', journal({ records: 0 })],
    ['a header cut in the middle', journal().subarray(0, 20)],
    ['a sector size that is not a power of two', journal({ sectorSize: 600 })],
    ['a page size out of range', journal({ pageSize: 256 })],
  ]
  for (const [what, journalBytes] of notToTouch) {
    it(`${what}: nothing is known to fix, and the database is byte-identical`, () => {
      lay(database(NEW_SALT), journalBytes)
      expect(saltInHotJournal(path)).toBeNull()
      expect(restoreSaltForJournal(path)).toBe(false)
      expect(readFileSync(path)).toEqual(database(NEW_SALT))
    })
  }

  it('a journal without its database: nothing is written and no file appears', () => {
    writeFileSync(`${path}-journal`, journal())
    expect(restoreSaltForJournal(path)).toBe(false)
    expect(() => readFileSync(path)).toThrow()
  })
})
