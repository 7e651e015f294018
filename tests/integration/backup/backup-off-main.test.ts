/**
 * Backups run in a worker thread on their own connection (DESIGN.md "Where work runs"): the
 * person's saves and reads are answered while one runs, what they save is in the vault and in
 * the next backup, and a cancelled backup leaves nothing behind. Times are printed, never asserted.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { TEST_PASSPHRASE } from '../../helpers/test-vault'
import { createBackupVault, leftoverWorkDirs, type BackupVault } from './backup-helpers'

const ENTRIES = 20_000
const WORDS = 'today I noticed the old worry again and wrote it down instead of texting my therapist about the weekend sleep work family walk breathing'.split(' ')

let vault: BackupVault
beforeAll(async () => {
  vault = await createBackupVault()
  const db = vault.core.vault.db()
  let seed = 11
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length] as string
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) {
      vault.clock.set(Date.UTC(2020, 0, 1) + i * 3 * 3_600_000)
      vault.core.reflections.create({ body: Array.from({ length: 80 }, word).join(' '), tags: [], mood: null, sessionId: null, bringToSession: false })
    }
  })()
}, 300_000)
afterAll(() => vault.cleanup())

const progressEvents = (): JobProgress[] =>
  vault.events.log.filter((entry) => entry.event === 'job.progress').map((entry) => entry.payload as JobProgress)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function backupNow(): Promise<{ name: string; counts: { reflections: number } }> {
  const made = await dispatch(vault.handlers, 'backup.now', {})
  expect(made).toMatchObject({ ok: true, value: { status: 'written' } })
  return (made as { value: { name: string; counts: { reflections: number } } }).value
}

describe(`a backup of a ${ENTRIES.toLocaleString('en')}-entry vault runs off the main thread`, () => {
  it('answers saves and reads while it runs; what was saved is in the vault and in the next backup', async () => {
    vault.events.log.length = 0
    let running = true
    const backup = dispatch(vault.handlers, 'backup.now', {}).finally(() => (running = false))
    const saved: string[] = []
    const answeredWhileRunning: number[] = []
    for (let i = 0; running; i++) {
      const started = performance.now()
      const created = await dispatch(vault.handlers, 'reflections.create', { body: `written during the backup, number ${i}` })
      expect(created.ok).toBe(true)
      if (!created.ok) break
      saved.push((created.value as { id: string }).id)
      const read = await dispatch(vault.handlers, 'timeline.page', { limit: 50 })
      expect(read.ok).toBe(true)
      if (running) answeredWhileRunning.push(performance.now() - started)
      await pause(20)
    }
    const made = await backup
    expect(made).toMatchObject({ ok: true, value: { status: 'written' } })
    // Interleaving: calls went through the contract and were answered while the worker copied.
    expect(answeredWhileRunning.length).toBeGreaterThanOrEqual(3)
    const sorted = [...answeredWhileRunning].sort((a, b) => a - b)
    console.log(
      `${answeredWhileRunning.length} save+read pairs answered during the backup: median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, ` +
        `max ${sorted[sorted.length - 1]?.toFixed(1)} ms`,
    )
    // Progress was pushed with what is being done.
    const phases = new Set(progressEvents().filter((event) => event.op === 'backup').map((event) => event.phase))
    expect([...phases]).toEqual(expect.arrayContaining(['checking', 'writing', 'verifying']))

    // Every save landed, and the next backup holds all of them.
    for (const id of saved) expect(await dispatch(vault.handlers, 'reflections.get', { id })).toMatchObject({ ok: true, value: { id } })
    const next = await backupNow()
    expect(next.counts.reflections).toBe(ENTRIES + saved.length)
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name: next.name } })
    expect(tested).toMatchObject({ ok: true, value: { counts: { reflections: ENTRIES + saved.length } } })
  }, 300_000)

  it('a cancelled backup answers cancelled and leaves no file, no working folder and an intact vault', async () => {
    const before = readdirSync(vault.folder).sort()
    vault.events.log.length = 0
    const backup = dispatch(vault.handlers, 'backup.now', {})
    while (progressEvents().length === 0) await pause(5)
    expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'backup' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await backup).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(readdirSync(vault.folder).sort()).toEqual(before)
    expect(leftoverWorkDirs(vault.dir)).toEqual([])
    // Nothing else was running: cancelling again says so.
    expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'backup' })).toEqual({ ok: true, value: { cancelled: false } })
    // The vault reopens and every page checks out.
    vault.core.lock('manual')
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(vault.core.vault.db().pragma('quick_check', { simple: true })).toBe('ok')
    const after = await backupNow()
    expect(after.counts.reflections).toBeGreaterThanOrEqual(ENTRIES)
  }, 300_000)

  it('refuses an unknown kind of job with INVALID_INPUT', async () => {
    expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'everything' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('exports run off the main thread too', () => {
  /** Three months: about 700 files, each written and fsynced (a whole export would be 20,000). */
  const quarter = { confirmUnencrypted: true, from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 3, 1), timeZone: 'Europe/London', locale: 'en-GB' } as const

  for (const [channel, input, answer] of [
    ['export.json', { confirmUnencrypted: true }, 'save'],
    ['export.markdownFolder', quarter, 'folder'],
  ] as const) {
    it(`${channel}: stopped part way, it answers cancelled and leaves no file or folder`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'between-export-cancel-'))
      try {
        vault.dialogs.answers[answer] = answer === 'save' ? join(out, 'everything.json') : out
        vault.events.log.length = 0
        const exported = dispatch(vault.handlers, channel, input as never)
        while (!progressEvents().some((event) => event.op === 'export')) await pause(5)
        expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'export' })).toEqual({ ok: true, value: { cancelled: true } })
        expect(await exported).toEqual({ ok: true, value: { status: 'cancelled' } })
        expect(readdirSync(out)).toEqual([])
        // And when let run, it writes.
        expect(await dispatch(vault.handlers, channel, input as never)).toMatchObject({ ok: true, value: { status: 'written' } })
        expect(readdirSync(out)).toHaveLength(1)
      } finally {
        rmSync(out, { recursive: true, force: true })
      }
    }, 300_000)
  }
})
