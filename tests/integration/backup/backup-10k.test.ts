import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { TEST_PASSPHRASE } from '../../helpers/test-vault'
import { createBackupVault, type BackupVault } from './backup-helpers'

const WORDS = 'today I noticed the old worry again and wrote it down instead of texting my therapist about the weekend sleep work family walk breathing'.split(' ')

/** A 10k-reflection vault: what several years of daily writing look like. */
let vault: BackupVault
beforeAll(async () => {
  vault = await createBackupVault()
  const db = vault.core.vault.db()
  let seed = 7
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length] as string
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      vault.clock.set(Date.UTC(2020, 0, 1) + i * 4 * 3_600_000)
      const body = Array.from({ length: 120 }, word).join(' ')
      vault.core.reflections.create({ body, tags: i % 3 === 0 ? ['sleep'] : [], mood: (i % 5) + 1, sessionId: null, bringToSession: false })
    }
  })()
}, 120_000)
afterAll(() => vault.cleanup())

describe('a 10,000-reflection vault', () => {
  it('backs up, tests and restores all 10,000 (times printed)', async () => {
    let started = performance.now()
    const made = await dispatch(vault.handlers, 'backup.now', {})
    const backupMs = performance.now() - started
    expect(made).toMatchObject({ ok: true, value: { status: 'written', counts: { reflections: 10_000 } } })
    const { name, sizeBytes, durationMs } = (made as { value: { name: string; sizeBytes: number; durationMs: number } }).value

    started = performance.now()
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name } })
    const testMs = performance.now() - started
    expect(tested).toMatchObject({ ok: true, value: { counts: { reflections: 10_000 } } })

    started = performance.now()
    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name }, unlock: { passphrase: TEST_PASSPHRASE } })
    const restoreMs = performance.now() - started
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored', counts: { reflections: 10_000 } } })

    console.log(
      `10k reflections: backup file ${(sizeBytes / 1024 / 1024).toFixed(1)} MiB; backup.now ${backupMs.toFixed(0)} ms ` +
        `(service-measured ${durationMs} ms: WAL emptied, database file streamed into the container, read-back); backup.test ${testMs.toFixed(0)} ms; ` +
        `backup.restore ${restoreMs.toFixed(0)} ms (cheap test KDF)`,
    )
  }, 120_000)
})
