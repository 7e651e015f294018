/**
 * The schema update at the first unlock after an update of Between (issue 17): pending
 * migrations run in a worker on its own connection, with `job.progress` events of op `update`,
 * before the vault's own connection opens. A failed update, a vault from a newer Between and a
 * worker killed part way all leave the vault as it was, and the next unlock updates it.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { latestVersion } from '../../../src/main/core/db/migrate'
import { DATABASE_FILE } from '../../../src/main/core/vault/header'
import { openEncryptedDatabase } from '../../../src/main/core/vault/open-database'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { digestDatabase } from '../../helpers/db-digest'
import { killChildWhen } from '../../helpers/kill-child'
import { takeBackToSchema10 } from '../../helpers/old-schema'
import { createTestVault, TEST_PASSPHRASE, type RecordedEvents, type TestVault } from '../../helpers/test-vault'

const CHILD = fileURLToPath(new URL('./fixtures/update-until-killed.ts', import.meta.url))
const ENTRIES = 4_000

let vault: TestVault
afterEach(() => vault?.cleanup())

/** A vault left at schema 10 by an older Between, with `entries` reflections; locked. `key`: its data key, for the test's own reads. */
async function oldVault(entries: number, alter?: (db: Database.Database) => void): Promise<TestVault & { key: Buffer }> {
  const made = await createTestVault()
  const db = made.core.vault.db()
  db.transaction(() => {
    for (let i = 0; i < entries; i++) made.core.reflections.create({ body: `heron ${i}\n${'a walk by the river '.repeat(8)}`, tags: [], mood: null, sessionId: null, bringToSession: false })
  })()
  takeBackToSchema10(db)
  alter?.(db)
  const key = made.core.vault.copyDataKey()
  made.core.lock('manual')
  made.events.log.length = 0
  return { ...made, key }
}

const updateProgress = (events: RecordedEvents): JobProgress[] =>
  events.log.filter((e) => e.event === 'job.progress' && (e.payload as JobProgress).op === 'update').map((e) => e.payload as JobProgress)

/** Every file of the vault folder and its bytes. */
const folderBytes = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]))

const PENDING = 14 // migrations 0020 … 0150 over a schema-10 vault

describe('the schema update at unlock', () => {
  it('runs in a worker through vault.unlock, reporting each step and the search rebuild; the vault is then whole', async () => {
    vault = await oldVault(50)
    const unlocked = await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    expect(unlocked).toEqual({ ok: true, value: { unlocked: true } })
    const db = vault.core.vault.db()
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')

    const progress = updateProgress(vault.events)
    const steps = progress.filter((p) => p.phase === 'updating')
    expect(steps[0]).toEqual({ op: 'update', phase: 'updating', done: 0, total: PENDING })
    expect(steps.at(-1)).toEqual({ op: 'update', phase: 'updating', done: PENDING, total: PENDING })
    const rows = progress.filter((p) => p.phase === 'indexing')
    expect(rows.at(-1)).toEqual({ op: 'update', phase: 'indexing', done: 50, total: 50 })

    const found = await dispatch(vault.handlers, 'search.query', { query: 'heron', limit: 100, cursor: null })
    expect(found).toMatchObject({ ok: true })
    expect((found as { value: { hits: unknown[] } }).value.hits).toHaveLength(50)

    // Up to date: the next unlock has nothing to do and reports nothing.
    vault.core.lock('manual')
    vault.events.log.length = 0
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(updateProgress(vault.events)).toEqual([])
  })

  it('a migration that fails: MIGRATION_FAILED, the vault stays at its old version with every row, and locked', async () => {
    // A table a later migration creates, already there: 0020 cannot create it.
    const old = await oldVault(20, (db) => db.exec('CREATE TABLE import_sources (id TEXT PRIMARY KEY)'))
    vault = old
    const before = digestOf(old.dir, old.key)
    const failed = await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    expect(failed).toMatchObject({ ok: false, error: { code: 'MIGRATION_FAILED', message: 'Between could not update the vault for this version. Nothing was changed.' } })
    expect(vault.core.vault.status()).toBe('locked')
    expect(digestOf(old.dir, old.key)).toBe(before) // every row, and user_version still 10
  })

  it('a vault from a newer Between: VAULT_FROM_FUTURE, no worker, not one byte changed', async () => {
    vault = await oldVault(5, (db) => db.pragma(`user_version = ${latestVersion() + 10}`))
    const before = folderBytes(vault.dir)
    const refused = await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_FROM_FUTURE' } })
    expect(updateProgress(vault.events)).toEqual([])
    expect(folderBytes(vault.dir)).toEqual(before)
    expect(vault.core.vault.status()).toBe('locked')
  })

  it('a worker killed part way (SIGKILL of its process) leaves the old version; the next unlock updates it', async () => {
    vault = await oldVault(ENTRIES)
    vault.core.close()
    const seen = await killChildWhen(CHILD, [vault.dir], (line) => line.startsWith('indexing '))
    expect(seen).not.toContain('unlocked')

    const core = vault.reopen()
    const handlers = createHandlers(core)
    vault.events.log.length = 0
    expect(await dispatch(handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
    // It started again from schema 10: every step, from the first.
    expect(updateProgress(vault.events).find((p) => p.phase === 'updating')).toEqual({ op: 'update', phase: 'updating', done: 0, total: PENDING })
    const db = core.vault.db()
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT count(*) FROM reflections').pluck().get()).toBe(ENTRIES)
    expect(db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(ENTRIES)
    core.close()
  }, 180_000)
})

/** The digest of the locked vault's rows, read on a read-only connection of the test's own. */
function digestOf(dir: string, key: Buffer): string {
  const db = openEncryptedDatabase(join(dir, DATABASE_FILE), Buffer.from(key), { readOnly: true })
  try {
    return digestDatabase(db)
  } finally {
    db.close()
  }
}
