import { createHash } from 'node:crypto'
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BACKUP_MAGIC, readContainerInfo, verifyWritten, writeContainer } from '../../../src/main/core/backup/backup-container'
import { createCore } from '../../../src/main/core'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { filesContaining, hashTree } from '../../helpers/data-dir'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs } from '../../helpers/fake-ports'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { CHEAP_KDF, makeTempDir, TEST_PASSPHRASE } from '../../helpers/test-vault'
import { testJobs } from '../../helpers/test-jobs'
import { latestVersion } from '../../../src/main/core/db/migrate'
import { backupFiles, createBackupVault, leftoverWorkDirs, removeSiblings, siblingsOf, type BackupVault } from './backup-helpers'

const CANARY = 'canaryBk3Wt7'

let vault: BackupVault
beforeEach(async () => {
  vault = await createBackupVault()
})
afterEach(() => vault.cleanup())

const backupNow = async (v: BackupVault = vault) => {
  const result = await dispatch(v.handlers, 'backup.now', {})
  if (!result.ok) throw new Error(`backup.now failed: ${result.error.code}`)
  return result.value as { status: 'written'; name: string; sizeBytes: number; durationMs: number; counts: Record<string, number> }
}

describe('Back up now', () => {
  it('writes one verified, encrypted file, named by date, into the backup folder', async () => {
    writeOneOfEverything(vault.core, CANARY)
    const written = await backupNow()
    expect(written.name).toBe('between-2026-03-03-090000Z-manual.betweenbackup')
    expect(written.counts).toMatchObject({ therapists: 1, sessions: 1, reflections: 1, rules: 1, tags: 2 })
    expect(backupFiles(vault.folder)).toEqual([written.name])

    const bytes = readFileSync(join(vault.folder, written.name))
    expect(bytes.subarray(0, 8).equals(BACKUP_MAGIC)).toBe(true)
    const info = readContainerInfo(join(vault.folder, written.name))
    expect(info.metadata).toMatchObject({ format: 'between-backup', version: 1, reason: 'manual', schemaVersion: latestVersion() })
    expect(info.metadata.vaultHeader).toEqual(JSON.parse(readFileSync(vault.core.vault.paths.header, 'utf8')))
    expect(bytes.subarray(info.offset, info.offset + 16).toString('latin1')).not.toBe('SQLite format 3\0')

    // No plaintext anywhere: not in the backup, not in the vault folder, no work files left.
    expect(filesContaining(vault.folder, CANARY)).toEqual([])
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
    expect(leftoverWorkDirs(vault.dir)).toEqual([])
    expect(readdirNoPartials(vault.folder)).toEqual([written.name])
  })

  it('asks where to save when no folder is set (or when asked to), and a cancel writes nothing', async () => {
    vault.folderSetting.set(null)
    expect(await dispatch(vault.handlers, 'backup.now', {})).toEqual({ ok: true, value: { status: 'cancelled' } })
    const elsewhere = makeTempDir('between-bk-elsewhere-')
    vault.dialogs.answers.save = join(elsewhere, 'mine.betweenbackup')
    const result = await dispatch(vault.handlers, 'backup.now', { chooseLocation: true })
    expect(result).toMatchObject({ ok: true, value: { status: 'written', name: 'mine.betweenbackup' } })
    expect(vault.dialogs.calls).toEqual([
      { method: 'save', kind: 'backup', suggestedName: 'between-2026-03-03-090000Z-manual.betweenbackup' },
      { method: 'save', kind: 'backup', suggestedName: 'between-2026-03-03-090000Z-manual.betweenbackup' },
    ])
  })

  it('while writing continuously, loses nothing that was saved before it, and the backup opens', async () => {
    const acknowledged: string[] = []
    let writing = true
    const writer = (async () => {
      let n = 0
      while (writing) {
        acknowledged.push(vault.core.reflections.create({ body: `entry ${n++} ${CANARY}`, tags: [], mood: null, sessionId: null, bringToSession: false }).id)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const snapshots: Array<{ name: string; before: number }> = []
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 15))
      const before = acknowledged.length
      vault.clock.advance(1000)
      const written = await backupNow()
      expect(written.counts.reflections).toBeGreaterThanOrEqual(before)
      snapshots.push({ name: written.name, before })
    }
    writing = false
    await writer
    expect(acknowledged.length).toBeGreaterThan(5)

    // Restore the last backup into a new place: every reflection saved before it is there.
    const last = snapshots.at(-1) as { name: string; before: number }
    const fresh = makeTempDir('between-bk-fresh-')
    const dialogs = fakeDialogs({ open: join(vault.folder, last.name) })
    const core = createCore({ dataDir: join(fresh, 'vault'), kdfCost: CHEAP_KDF, jobs: testJobs(), dialogs })
    try {
      const restored = await dispatch(createHandlers(core), 'backup.restore', { source: { choose: true }, unlock: { passphrase: TEST_PASSPHRASE } })
      expect(restored).toMatchObject({ ok: true, value: { status: 'restored', keptAside: null } })
      const ids = new Set(core.vault.db().prepare('SELECT id FROM reflections').pluck().all() as string[])
      for (const id of acknowledged.slice(0, last.before)) expect(ids.has(id)).toBe(true)
    } finally {
      core.close()
    }
    expect(filesContaining(vault.folder, CANARY)).toEqual([])
  })
})

describe('how a backup is made', () => {
  const phasesOf = (v: BackupVault): string[] => [...new Set(v.events.log.filter((entry) => entry.event === 'job.progress').map((entry) => (entry.payload as { phase: string }).phase))]

  it('usually streams the database file itself into the backup: no working copy, and the WAL left empty', async () => {
    writeOneOfEverything(vault.core, CANARY)
    vault.events.log.length = 0
    const written = await backupNow()
    expect(phasesOf(vault)).toEqual(['checking', 'writing', 'verifying'])
    expect(statSync(`${vault.core.vault.paths.database}-wal`).size).toBe(0)
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name: written.name } })
    expect(tested).toMatchObject({ ok: true, value: { counts: written.counts } })
  })

  it('when the WAL cannot be emptied (a long read holds it), copies and folds it instead, with every save in it', async () => {
    writeOneOfEverything(vault.core, CANARY)
    const db = vault.core.vault.db()
    // A read transaction on the person's connection whose snapshot uses the WAL: no checkpoint can restart the WAL meanwhile.
    db.exec('BEGIN')
    let written: Awaited<ReturnType<typeof backupNow>>
    try {
      db.prepare('SELECT count(*) FROM reflections').get()
      vault.events.log.length = 0
      written = await backupNow()
    } finally {
      db.exec('COMMIT')
    }
    expect(phasesOf(vault)).toEqual(['checking', 'copying', 'writing', 'verifying'])
    expect(written.counts).toMatchObject({ therapists: 1, sessions: 1, reflections: 1, rules: 1, tags: 2 })
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name: written.name } })
    expect(tested).toMatchObject({ ok: true, value: { counts: written.counts } })
    expect(leftoverWorkDirs(vault.dir)).toEqual([])
  })

  it('the read-back refuses a container whose database bytes or metadata are not the ones written', () => {
    const source = join(vault.folder, 'source.bin')
    writeFileSync(source, Buffer.alloc(3 * 4096, 7))
    const target = join(vault.folder, 'made.betweenbackup')
    const metadata = { format: 'between-backup', version: 1, createdAt: 0, reason: 'manual', schemaVersion: 1, database: { bytes: 3 * 4096 }, vaultHeader: {} } as const
    const written = writeContainer(target, metadata, source)
    expect(verifyWritten(target, written).fileBytes).toBe(statSync(target).size)
    flip(target, readContainerInfo(target).offset + 4100)
    expect(() => verifyWritten(target, written)).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }))
    const rewritten = writeContainer(target, metadata, source)
    expect(() => verifyWritten(target, { ...rewritten, createdAt: 1 })).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }))
  })

  it('refuses to wrap a source that changes while it is read', () => {
    const source = join(vault.folder, 'source.bin')
    writeFileSync(source, Buffer.alloc(4096, 7))
    const target = join(vault.folder, 'made.betweenbackup')
    const metadata = { format: 'between-backup', version: 1, createdAt: 0, reason: 'manual', schemaVersion: 1, database: { bytes: 4096 } } as const
    let grown = false
    const grow = () => {
      if (!grown) appendFileSync(source, Buffer.alloc(4096, 8))
      grown = true
    }
    expect(() => writeContainer(target, { ...metadata, vaultHeader: {} }, source, grow)).toThrow(expect.objectContaining({ code: 'IO_ERROR' }))
    expect(readdirSync(vault.folder).filter((name) => name !== 'source.bin')).toEqual([])
  })
})

function readdirNoPartials(folder: string): string[] {
  return backupFiles(folder).concat(readdirSync(folder).filter((name) => name.endsWith('.partial')))
}

describe('Test a backup', () => {
  it('reports what it holds and touches nothing', async () => {
    writeOneOfEverything(vault.core, CANARY)
    vault.core.reflections.create({ body: 'later', tags: [], mood: null, sessionId: null, bringToSession: false })
    const { name } = await backupNow()
    const before = { vault: hashTree(vault.dir), folder: hashTree(vault.folder), digest: digestDatabase(vault.core.vault.db()) }
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name } })
    expect(tested).toEqual({
      ok: true,
      value: {
        status: 'tested',
        name,
        createdAt: vault.clock.now(),
        reason: 'manual',
        sizeBytes: expect.any(Number),
        schemaVersion: latestVersion(),
        fromNewerVersion: false,
        sameVault: true,
        counts: { therapists: 1, sessions: 1, reflections: 2, talkingPoints: 1, drafts: 1, contacts: 1, absences: 1, rules: 1, tags: 2 },
        firstAt: Date.UTC(2026, 2, 2, 17), // the session
        lastAt: Date.UTC(2026, 2, 4, 10), // the contact
        danglingReferences: 0,
      },
    })
    expect(hashTree(vault.dir)).toEqual(before.vault)
    expect(hashTree(vault.folder)).toEqual(before.folder)
    expect(digestDatabase(vault.core.vault.db())).toBe(before.digest)
    expect(leftoverWorkDirs(vault.dir)).toEqual([])

    // With the passphrase or the recovery key, also while locked.
    vault.core.lock('manual')
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })).toMatchObject({
      ok: true,
      value: { status: 'tested', counts: { reflections: 2 } },
    })
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name }, unlock: { recoveryKey: vault.recoveryKey } })).toMatchObject({
      ok: true,
      value: { status: 'tested' },
    })
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name }, unlock: { passphrase: 'not the passphrase' } })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    })
    // Locked and no secret: it cannot be opened.
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'unlock' } })
  })

  it('a link to a record deleted by another tool is a repairable finding, not a failed backup', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Ash', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    const session = vault.core.sessions.create({
      therapistId: therapist.id,
      startsAt: Date.UTC(2026, 2, 2, 17, 0),
      timeZone: 'Europe/London',
      durationMinutes: 50,
      format: 'video',
      status: 'attended',
      notes: 'the heron',
      moodBefore: null,
      moodAfter: null,
      takeaways: '',
      homework: [],
    })
    const db = vault.core.vault.db()
    db.pragma('foreign_keys = OFF')
    db.prepare('DELETE FROM therapists WHERE id = ?').run(therapist.id)
    db.pragma('foreign_keys = ON')

    const { name } = await backupNow()
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name } })).toMatchObject({
      ok: true,
      value: { status: 'tested', danglingReferences: 1, counts: { sessions: 1, therapists: 0 } },
    })
    expect(await dispatch(vault.handlers, 'repair.list', {})).toEqual({
      ok: true,
      value: { more: 0, rows: [{ domain: 'sessions', id: session.id, fields: ['therapistId'], text: expect.arrayContaining([{ column: 'notes', value: 'the heron' }]) }] },
    })
  })

  it('a name that is not a backup, or a path, is refused', async () => {
    for (const name of ['../../etc/passwd', '/tmp/x.betweenbackup', 'between-2026-03-03-090000Z-manual.betweenbackup/../x']) {
      expect(await dispatch(vault.handlers, 'backup.test', { source: { name } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name: 'between-2026-03-03-090000Z-manual.betweenbackup' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('damaged backups are refused with BACKUP_INVALID', () => {
  // [what, harm, still looks intact without the key (the checksum matches)]
  const damage: Array<[string, (path: string) => void, boolean?]> = [
    ['cut short', (path) => writeFileSync(path, readFileSync(path).subarray(0, readFileSync(path).length - 4096))],
    ['cut inside the metadata', (path) => writeFileSync(path, readFileSync(path).subarray(0, 40))],
    ['one bit flipped in the database', (path) => flip(path, readContainerInfo(path).offset + 5000)],
    ['one bit flipped in the metadata', (path) => flip(path, 30)],
    ['not a backup at all', (path) => writeFileSync(path, 'SQLite format 3\0 and then some')],
    [
      'a flipped database byte with a recomputed checksum (SQLCipher’s page HMAC catches it)',
      (path) => {
        const info = readContainerInfo(path)
        flip(path, info.offset + 5000)
        const bytes = readFileSync(path)
        const payload = bytes.subarray(info.offset)
        const metadata = { ...info.metadata, database: { ...info.metadata.database, sha256: createHash('sha256').update(payload).digest('hex') } }
        const json = Buffer.from(JSON.stringify(metadata))
        const prefix = Buffer.alloc(16)
        bytes.copy(prefix, 0, 0, 12)
        prefix.writeUInt32BE(json.length, 12)
        writeFileSync(path, Buffer.concat([prefix, json, payload]))
      },
      true,
    ],
  ]

  for (const [what, harm, looksIntact = false] of damage) {
    it(`${what}: test and restore refuse it, and the vault is untouched`, async () => {
      writeOneOfEverything(vault.core, CANARY)
      const { name } = await backupNow()
      harm(join(vault.folder, name))
      const tested = await dispatch(vault.handlers, 'backup.test', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
      expect(tested).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } })
      const listed = await dispatch(vault.handlers, 'backup.listAvailable', {})
      expect(listed).toMatchObject({ ok: true, value: { backups: [{ name, intact: looksIntact }] } })

      vault.core.lock('manual')
      const before = hashTree(vault.dir)
      const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
      expect(restored).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } })
      expect(hashTree(vault.dir)).toEqual(before)
      expect(siblingsOf(vault.dir)).toEqual([])
      expect(leftoverWorkDirs(vault.dir)).toEqual([])
    })
  }
})

function flip(path: string, offset: number): void {
  const fd = openSync(path, 'r+')
  try {
    const byte = Buffer.alloc(1)
    readSync(fd, byte, 0, 1, offset)
    byte[0] = (byte[0] as number) ^ 0x10
    writeSync(fd, byte, 0, 1, offset)
  } finally {
    closeSync(fd)
  }
}

describe('Restore', () => {
  it('round trip: the backup becomes the vault; the current one is kept aside, intact', async () => {
    const written = writeOneOfEverything(vault.core, CANARY)
    const { name } = await backupNow()
    const atBackup = digestDatabase(vault.core.vault.db())
    // Life goes on after the backup.
    vault.core.reflections.delete({ id: written.reflection.id })
    vault.core.reflections.create({ body: 'written after the backup', tags: [], mood: null, sessionId: null, bringToSession: false })
    const afterBackup = digestDatabase(vault.core.vault.db())

    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored', counts: { reflections: 1 } } })
    const keptAside = (restored as { value: { keptAside: string } }).value.keptAside
    expect(keptAside).toMatch(/\.before-restore-2026-03-03-090000Z-[0-9a-f]{6}$/)
    expect(vault.core.vault.status()).toBe('unlocked')
    expect(digestDatabase(vault.core.vault.db())).toBe(atBackup)
    expect(vault.core.reflections.get({ id: written.reflection.id }).body).toBe(`reflection ${CANARY}`)
    expect(vault.events.log.filter((e) => e.event === 'vault.locked')).toEqual([{ event: 'vault.locked', payload: { reason: 'restore' } }])

    // The vault as it was before the restore is intact beside it and still opens.
    const asideDir = join(vault.dir, '..', keptAside)
    const aside = createCore({ dataDir: asideDir, kdfCost: CHEAP_KDF, jobs: testJobs() })
    await aside.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(digestDatabase(aside.vault.db())).toBe(afterBackup)
    aside.close()
  })

  it('with the recovery key, from a locked vault', async () => {
    writeOneOfEverything(vault.core, CANARY)
    const { name } = await backupNow()
    vault.core.lock('manual')
    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { recoveryKey: vault.recoveryKey } })
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored' } })
    expect(vault.core.reflections.list({ limit: 10, before: null, tag: null })).toHaveLength(1)
  })

  it('a wrong passphrase changes nothing', async () => {
    const { name } = await backupNow()
    vault.core.lock('manual')
    const before = hashTree(vault.dir)
    expect(await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: 'wrong passphrase' } })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    })
    expect(hashTree(vault.dir)).toEqual(before)
    expect(siblingsOf(vault.dir)).toEqual([])
  })

  it('the backup keeps the passphrase of its day: after a change, the old one opens it', async () => {
    const { name } = await backupNow()
    await vault.core.vault.changePassphrase(TEST_PASSPHRASE, 'a brand new passphrase')
    // Unlocked, same key: testable without a secret.
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name } })).toMatchObject({ ok: true, value: { sameVault: true } })
    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored' } })
  })
})

describe('when the vault is damaged', () => {
  it('listAvailable offers the backups, and restore brings the vault back', async () => {
    writeOneOfEverything(vault.core, CANARY)
    const { name } = await backupNow()
    vault.core.lock('manual')
    // Damage the vault database.
    const db = vault.core.vault.paths.database
    const bytes = readFileSync(db)
    for (let i = 8192; i < bytes.length; i += 997) bytes[i] = (bytes[i] as number) ^ 0xff
    writeFileSync(db, bytes)
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })

    const listed = await dispatch(vault.handlers, 'backup.listAvailable', {})
    expect(listed).toEqual({
      ok: true,
      value: {
        folder: vault.folder,
        backups: [{ name, createdAt: vault.clock.now(), reason: 'manual', sizeBytes: expect.any(Number), intact: true, sameVault: true }],
        lastAutomaticFailure: null,
      },
    })
    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored' } })
    expect(vault.core.reflections.list({ limit: 10, before: null, tag: null })[0]?.body).toBe(`reflection ${CANARY}`)
    // The damaged vault is kept aside, not deleted.
    expect(siblingsOf(vault.dir)).toEqual([expect.stringMatching(/\.before-restore-/)])
  })

  it('restores onto a machine with no vault yet', async () => {
    const { name } = await backupNow()
    const fresh = makeTempDir('between-bk-new-machine-')
    const dataDir = join(fresh, 'vault')
    const dialogs = fakeDialogs({ open: join(vault.folder, name) })
    const core = createCore({ dataDir, kdfCost: CHEAP_KDF, jobs: testJobs(), dialogs })
    try {
      expect(core.vault.status()).toBe('none')
      expect(await dispatch(createHandlers(core), 'backup.restore', { source: { choose: true }, unlock: { passphrase: TEST_PASSPHRASE } })).toMatchObject({
        ok: true,
        value: { status: 'restored', keptAside: null, sameVault: false },
      })
      expect(core.vault.status()).toBe('unlocked')
      expect(existsSync(join(dataDir, 'between.header.json'))).toBe(true)
    } finally {
      core.close()
      removeSiblings(dataDir)
    }
  })
})
