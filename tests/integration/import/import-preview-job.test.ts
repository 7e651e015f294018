/**
 * The preview is planned in a worker as a job (op `import`): choose and preview report progress,
 * and Stop while one plans answers `cancelled`, keeps no preview and writes nothing.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs } from '../../helpers/fake-ports'
import { dayOneJournal } from '../../helpers/import-files'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

/** Enough that planning is still under way when Stop arrives. */
const ENTRIES = 20_000

let vault: TestVault | null = null
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-import-preview-')
})
afterEach(() => {
  vault?.cleanup()
  vault = null
  rmSync(dir, { recursive: true, force: true })
})

async function vaultWithJournal(): Promise<TestVault> {
  const path = join(dir, 'journal.json')
  writeFileSync(path, dayOneJournal(ENTRIES))
  vault = await createTestVault({ dialogs: fakeDialogs({ open: path }) })
  vault.core.reflections.create({ body: 'written before the import', mood: 3, tags: ['mine'], sessionId: null, bringToSession: false })
  return vault
}

const progress = (v: TestVault): JobProgress[] => v.events.log.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgress)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until the worker says it has started planning (or the call is over). */
async function untilPlanning(v: TestVault, call: Promise<unknown>): Promise<void> {
  let settled = false
  void call.finally(() => (settled = true))
  while (!settled && !progress(v).some((p) => p.phase === 'reading')) await pause(2)
}

const dayOne = { kind: 'dayOne' } as const

describe('the preview is planned in a worker as a job', () => {
  it('choose and preview report the reading progress of an import job, up to its total', async () => {
    const v = await vaultWithJournal()
    v.events.log.length = 0
    const chosen = await dispatch(v.handlers, 'import.choose', dayOne)
    expect(chosen).toMatchObject({ ok: true, value: { status: 'ready', preview: { total: ENTRIES } } })
    const planId = (chosen as { value: { preview: { planId: string } } }).value.preview.planId
    expect(progress(v)).toEqual([
      { op: 'import', phase: 'reading', done: 0, total: 1 },
      { op: 'import', phase: 'reading', done: 1, total: 1 },
    ])
    v.events.log.length = 0
    expect(await dispatch(v.handlers, 'import.preview', { planId, options: dayOne })).toMatchObject({ ok: true, value: { planId, total: ENTRIES } })
    expect(progress(v).at(-1)).toEqual({ op: 'import', phase: 'reading', done: 1, total: 1 })
  }, 120_000)

  it('Stop while a preview plans answers cancelled, keeps no preview and changes nothing', async () => {
    const v = await vaultWithJournal()
    const chosen = await dispatch(v.handlers, 'import.choose', dayOne)
    const planId = (chosen as { value: { preview: { planId: string } } }).value.preview.planId
    const before = digestDatabase(v.core.vault.db())
    v.events.log.length = 0
    const preview = dispatch(v.handlers, 'import.preview', { planId, options: dayOne })
    await untilPlanning(v, preview)
    expect(await dispatch(v.handlers, 'jobs.cancel', { op: 'import' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await preview).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(progress(v).some((p) => p.phase === 'reading' && p.done === 1)).toBe(false)
    for (const next of ['import.preview', 'import.apply'] as const) {
      expect(await dispatch(v.handlers, next, { planId, options: dayOne })).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT', message: /no longer current/ } })
    }
    expect(await dispatch(v.handlers, 'import.discard', { planId })).toEqual({ ok: true, value: { discarded: false } })
    expect(digestDatabase(v.core.vault.db())).toBe(before)
  }, 120_000)

  it('Stop while choose plans answers cancelled and changes nothing', async () => {
    const v = await vaultWithJournal()
    const before = digestDatabase(v.core.vault.db())
    v.events.log.length = 0
    const chosen = dispatch(v.handlers, 'import.choose', dayOne)
    await untilPlanning(v, chosen)
    expect(await dispatch(v.handlers, 'jobs.cancel', { op: 'import' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await chosen).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(digestDatabase(v.core.vault.db())).toBe(before)
  }, 120_000)
})
