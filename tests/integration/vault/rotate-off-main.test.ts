/**
 * The data-key rotation runs in a job's worker thread (issue 17): progress as `job.progress`
 * events of op `rotate-key`, the vault answering VAULT_IN_USE meanwhile (its connection is
 * closed for the rekey), and a SIGKILL at any phase leaves a vault that opens whole, under the
 * old key or the new one, with the passphrase and the recovery key.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseHeader } from '../../../src/main/core/vault/header'
import { hasHotJournal } from '../../../src/main/core/vault/rekey-journal'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { killChildWhen } from '../../helpers/kill-child'
import { pageOneRewritten } from '../../helpers/rekey-journal'
import { copyTestVault, createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const CHILD = fileURLToPath(new URL('./fixtures/rotate-until-killed.ts', import.meta.url))
const ENTRIES = 4_000
const KILL_ATTEMPTS = 4

let vault: TestVault
afterEach(() => vault?.cleanup())

/** One vault of ENTRIES entries, filled once for the file (closed); every case rotates a copy of it. */
let filled: Pick<TestVault, 'dir' | 'recoveryKey'>
beforeAll(async () => {
  const v = await createTestVault()
  v.core.vault.db().transaction(() => {
    for (let i = 0; i < ENTRIES; i++) v.core.reflections.create({ body: `entry ${i} `.repeat(60), tags: [], mood: null, sessionId: null, bringToSession: false })
  })()
  v.core.close()
  filled = { dir: v.dir, recoveryKey: v.recoveryKey }
}, 120_000)
afterAll(() => {
  if (filled) rmSync(filled.dir, { recursive: true, force: true })
})

const keyGeneration = (dir: string): number => parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration
const countOf = (v: TestVault['core']): number => v.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get() as number

describe('data-key rotation in a worker', () => {
  it('reports its phases as job progress; the vault answers VAULT_IN_USE until it is done', async () => {
    vault = await copyTestVault(filled)
    let settled = false
    const rotation = vault.core.vault.rotateDataKey(TEST_PASSPHRASE).finally(() => (settled = true))
    const started = (): boolean => vault.events.log.some((e) => e.event === 'job.progress')
    while (!settled && !started()) await new Promise((resolve) => setImmediate(resolve))
    // The main thread is free while the worker rotates: a channel call is answered before the rotation ends.
    expect(settled).toBe(false)
    expect(await dispatch(vault.handlers, 'tags.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_IN_USE' } })
    expect(await rotation).toEqual({ status: 'rotated' })

    const progress = vault.events.log.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgress)
    expect(new Set(progress.map((p) => p.op))).toEqual(new Set(['rotate-key']))
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['copying', 'checking', 'writing', 'verifying'])
    for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total)
    // Within a phase it never goes back (the rekey's journal is gone once the rekey is over).
    progress.forEach((p, i) => {
      const before = progress[i - 1]
      if (before?.phase === p.phase) expect(p.done).toBeGreaterThanOrEqual(before.done)
    })

    expect(countOf(vault.core)).toBe(ENTRIES)
    expect(keyGeneration(vault.dir)).toBe(2)
    vault.core.vault.lock()
    await vault.core.vault.unlock({ recoveryKey: vault.recoveryKey })
    expect(countOf(vault.core)).toBe(ENTRIES)
  }, 120_000)

  it('a lock while it runs: the call answers VAULT_LOCKED, and the next unlock opens the vault whole', async () => {
    vault = await copyTestVault(filled)
    const rotation = vault.core.vault.rotateDataKey(TEST_PASSPHRASE).then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    )
    while (!vault.events.log.some((e) => e.event === 'job.progress')) await new Promise((resolve) => setImmediate(resolve))
    vault.core.lock('manual')
    expect(vault.core.vault.status()).toBe('locked')
    // The unlock waits for the rotation's job to end, then opens under whichever key the file is under.
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(await rotation).toBe('VAULT_LOCKED')
    expect(countOf(vault.core)).toBe(ENTRIES)
    expect(existsSync(join(vault.dir, 'between.header.next.json'))).toBe(false)
  }, 120_000)

  it('cancelled (jobs.cancel): it ends cancelled or rotated, and the vault is open and whole either way', async () => {
    vault = await copyTestVault(filled)
    const rotation = vault.core.vault.rotateDataKey(TEST_PASSPHRASE)
    while (!vault.events.log.some((e) => e.event === 'job.progress')) await new Promise((resolve) => setImmediate(resolve))
    expect(await dispatch(vault.handlers, 'jobs.cancel', { op: 'rotate-key' })).toEqual({ ok: true, value: { cancelled: true } })
    const { status } = await rotation
    expect(keyGeneration(vault.dir)).toBe(status === 'rotated' ? 2 : 1)
    expect(countOf(vault.core)).toBe(ENTRIES)
    expect(existsSync(join(vault.dir, 'between.header.next.json'))).toBe(false)
    vault.core.vault.lock()
    await vault.core.vault.unlock({ recoveryKey: vault.recoveryKey })
    expect(countOf(vault.core)).toBe(ENTRIES)
  }, 120_000)

  // `journal`: in the middle of the rekey, pages being overwritten (a hot rollback journal).
  // `page one rewritten`: the rekey's new salt already in the file, the journal not yet gone.
  const reached: Record<string, (database: string) => boolean> = { journal: hasHotJournal, 'page one rewritten': pageOneRewritten }
  for (const moment of ['phase copying', 'phase checking', 'phase writing', 'journal', 'page one rewritten', 'phase verifying']) {
    it(`a SIGKILL at "${moment}" leaves a vault that opens whole with either secret`, async () => {
      const database = (): string => join(vault.dir, 'between.db')
      const stateReached = reached[moment] ?? (() => true)
      // The rekey can end between the line and the kill: then it is tried again, on a fresh vault.
      for (let attempt = 0; attempt < KILL_ATTEMPTS; attempt++) {
        vault?.cleanup()
        vault = await copyTestVault(filled)
        vault.core.close()
        const seen = await killChildWhen(CHILD, [vault.dir], (line) => line === moment)
        expect(seen).toContain(moment)
        expect(seen).not.toContain('finished')
        if (stateReached(database())) break
      }
      expect(stateReached(database())).toBe(true)
      const generation = keyGeneration(vault.dir)
      expect([1, 2]).toContain(generation)

      for (const unlock of [{ passphrase: TEST_PASSPHRASE }, { recoveryKey: vault.recoveryKey }]) {
        const core = vault.reopen()
        await core.vault.unlock(unlock)
        expect(core.vault.db().pragma('integrity_check', { simple: true })).toBe('ok')
        expect(countOf(core)).toBe(ENTRIES)
        core.close()
      }
      // Whatever the kill left is settled by the first unlock: no pending header, no hot journal.
      expect(existsSync(join(vault.dir, 'between.header.next.json'))).toBe(false)
      expect(hasHotJournal(join(vault.dir, 'between.db'))).toBe(false)

      // And a rotation runs to its end afterwards.
      const core = vault.reopen()
      await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
      expect(await core.vault.rotateDataKey(TEST_PASSPHRASE)).toEqual({ status: 'rotated' })
      expect(keyGeneration(vault.dir)).toBe(generation + 1)
      core.close()
    }, 120_000)
  }
})
