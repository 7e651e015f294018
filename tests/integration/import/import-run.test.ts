/**
 * Imports apply in a worker thread as an import run (import-run.ts): progress events while it
 * writes, the person's saves answered meanwhile, Stop takes everything back, a failure takes
 * everything back (updates too), and a run cut off by SIGKILL is taken back at the next unlock.
 * Times are printed, never asserted.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyPlan } from '../../../src/main/core/import/import-apply'
import { ImportError } from '../../../src/main/core/import/import-error'
import type { ImportPlan } from '../../../src/main/core/import/import-plan'
import { planImport } from '../../../src/main/core/import/import-planner'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { digestDatabase } from '../../helpers/db-digest'
import { dayOneJournal } from '../../helpers/import-files'
import { fakeDialogs } from '../../helpers/fake-ports'
import { killChildWhen } from '../../helpers/kill-child'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const CHILD = fileURLToPath(new URL('./fixtures/import-until-killed.ts', import.meta.url))
const ENTRIES = 4_000

let vaults: TestVault[] = []
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-import-run-')
})
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
  rmSync(dir, { recursive: true, force: true })
})

async function vaultWithJournal(entries = ENTRIES) {
  const path = join(dir, 'journal.json')
  writeFileSync(path, dayOneJournal(entries))
  const vault = await createTestVault({ dialogs: fakeDialogs({ open: path }) })
  vaults.push(vault)
  vault.core.reflections.create({ body: 'written before the import', mood: 3, tags: ['mine'], sessionId: null, bringToSession: false })
  return { vault, path }
}

async function choose(vault: TestVault): Promise<string> {
  const chosen = await dispatch(vault.handlers, 'import.choose', { kind: 'dayOne' })
  if (!chosen.ok || (chosen.value as { status: string }).status !== 'ready') throw new Error('expected a preview')
  return (chosen.value as { preview: { planId: string } }).preview.planId
}

const progress = (vault: TestVault): JobProgress[] =>
  vault.events.log.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgress)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function untilImporting(vault: TestVault, apply: Promise<unknown>): Promise<void> {
  let settled = false
  void apply.finally(() => (settled = true))
  while (!settled && !progress(vault).some((p) => p.phase === 'importing' && p.done > 0)) await pause(2)
}

const runsOf = (vault: TestVault) => ({
  runs: vault.core.vault.db().prepare('SELECT state FROM import_runs').pluck().all(),
  notes: vault.core.vault.db().prepare('SELECT count(*) FROM import_run_undo').pluck().get(),
})

describe('an import applies in a worker as a run', () => {
  it('reports reading then importing progress up to the total, and leaves no run behind; again, it changes nothing', async () => {
    const { vault } = await vaultWithJournal()
    const planId = await choose(vault)
    vault.events.log.length = 0
    const applied = await dispatch(vault.handlers, 'import.apply', { planId, options: { kind: 'dayOne' } })
    expect(applied).toMatchObject({ ok: true, value: { status: 'imported', created: { reflections: ENTRIES } } })
    const seen = progress(vault)
    expect(seen.every((p) => p.op === 'import')).toBe(true)
    expect(seen[0]).toMatchObject({ phase: 'reading' })
    const importing = seen.filter((p) => p.phase === 'importing')
    expect(importing.at(-1)).toEqual({ op: 'import', phase: 'importing', done: ENTRIES, total: ENTRIES })
    expect(importing.map((p) => p.done)).toEqual([...importing.map((p) => p.done)].sort((a, b) => a - b))
    expect(runsOf(vault)).toEqual({ runs: [], notes: 0 })
    expect(vault.core.search.query({ query: 'river', limit: 5, cursor: null, order: 'date' }).hits).toHaveLength(5)

    const before = digestDatabase(vault.core.vault.db())
    const again = await dispatch(vault.handlers, 'import.apply', { planId: await choose(vault), options: { kind: 'dayOne' } })
    expect(again).toMatchObject({ ok: true, value: { status: 'imported', created: { reflections: 0 } } })
    expect(vault.core.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get()).toBe(ENTRIES + 1)
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  }, 120_000)

  it('answers saves through the contract while it writes, and keeps them', async () => {
    const { vault } = await vaultWithJournal()
    const planId = await choose(vault)
    let running = true
    const apply = dispatch(vault.handlers, 'import.apply', { planId, options: { kind: 'dayOne' } }).finally(() => (running = false))
    await untilImporting(vault, apply)
    const saved: string[] = []
    const answered: number[] = []
    while (running) {
      const started = performance.now()
      const created = await dispatch(vault.handlers, 'reflections.create', { body: `saved during the import ${saved.length}` })
      expect(created.ok).toBe(true)
      if (!created.ok) break
      if (running) answered.push(performance.now() - started)
      saved.push((created.value as { id: string }).id)
      await pause(10)
    }
    expect(await apply).toMatchObject({ ok: true, value: { status: 'imported' } })
    expect(answered.length).toBeGreaterThan(0)
    const sorted = [...answered].sort((a, b) => a - b)
    console.log(`saves during an import of ${ENTRIES}: ${answered.length} answered, median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, longest ${sorted.at(-1)?.toFixed(1)} ms`)
    for (const id of saved) expect(vault.core.reflections.get({ id }).id).toBe(id)
  }, 120_000)

  it('Stop part way takes back everything it wrote: the vault is as before, and the call answers cancelled', async () => {
    const { vault } = await vaultWithJournal()
    const planId = await choose(vault)
    const before = digestDatabase(vault.core.vault.db())
    vault.events.log.length = 0
    const apply = dispatch(vault.handlers, 'import.apply', { planId, options: { kind: 'dayOne' } })
    await untilImporting(vault, apply)
    expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'import' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await apply).toEqual({ ok: true, value: { status: 'cancelled' } })
    const written = progress(vault).filter((p) => p.phase === 'importing').at(-1)?.done ?? 0
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(ENTRIES)
    expect(progress(vault).some((p) => p.phase === 'undoing')).toBe(true)
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  }, 120_000)

  it('a failure part way takes back what it created and restores what it updated', async () => {
    const { vault } = await vaultWithJournal(3)
    const db = vault.core.vault.db()
    expect(await dispatch(vault.handlers, 'import.apply', { planId: await choose(vault), options: { kind: 'dayOne' } })).toMatchObject({ ok: true })
    const session = vault.core.sessions.create({ therapistId: null, startsAt: Date.UTC(2026, 2, 10, 10), timeZone: 'UTC', durationMinutes: 50, format: 'in_person', status: 'scheduled', notes: 'as the person wrote it', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    db.prepare("INSERT INTO import_sources (source, external_key, session_id, written_digest, imported_at) VALUES ('ics', 'uid-1', ?, 'old', 1)").run(session.id)
    const before = digestDatabase(db)
    const reflection = { op: 'createReflection' as const, source: 'daylio' as const, body: 'new', mood: null, tags: ['new tag'], createdAt: 5, updatedAt: 5, timeZone: null }
    const plan: ImportPlan = {
      writes: [
        { op: 'updateSession', key: 'uid-1', sessionId: session.id, digest: 'new', session: { therapistId: null, startsAt: Date.UTC(2026, 2, 11, 10), timeZone: 'UTC', durationMinutes: 60, format: 'video', status: 'cancelled', notes: 'from the file', title: 'Therapy', location: 'Room 2' } },
        { ...reflection, key: 'same' },
        { ...reflection, key: 'same' }, // its link clashes with the one before
      ],
      preview: {} as ImportPlan['preview'],
      skipped: 0,
    }
    expect(() => applyPlan(db, 'a-run', plan, 10)).toThrow(ImportError)
    expect(digestDatabase(db)).toBe(before)
    expect(vault.core.sessions.get({ id: session.id }).notes).toBe('as the person wrote it')
  })

  it('at unlock, a run that was done but not yet forgotten (a crash while its notes were dropped) is kept and forgotten', async () => {
    const { vault } = await vaultWithJournal(3)
    const db = vault.core.vault.db()
    const plan = planImport(db, Buffer.from(dayOneJournal(3)), { kind: 'dayOne' }, 10, 1e6)
    applyPlan(db, 'kept-run', plan, 10)
    // As a crash after the done mark would leave it: the run and some of its notes still there.
    db.prepare("INSERT INTO import_runs (id, state, started_at) VALUES ('kept-run', 'done', 10)").run()
    db.prepare("INSERT INTO import_run_undo (run_id, tbl, row_key, action) SELECT 'kept-run', 'reflections', json_array(id), 'inserted' FROM reflections").run()
    vault.core.lock('manual')
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(runsOf(vault)).toEqual({ runs: [], notes: 0 })
    expect(vault.core.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get()).toBe(4)
  })

  it('a run cut off by SIGKILL is taken back at the next unlock', async () => {
    const { vault, path } = await vaultWithJournal()
    const before = digestDatabase(vault.core.vault.db())
    vault.core.close()
    const seen = await killChildWhen(CHILD, [vault.dir, path], (line) => /^importing [1-9]/.test(line))
    expect(seen).not.toContain('finished')
    const core = vault.reopen()
    await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    try {
      expect(digestDatabase(core.vault.db())).toBe(before)
    } finally {
      core.close()
    }
  }, 120_000)
})
