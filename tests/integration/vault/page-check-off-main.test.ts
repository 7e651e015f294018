/**
 * The full page check at unlock (quick_check, for vaults up to FULL_CHECK_UP_TO_BYTES) runs in a
 * worker on a read-only connection (issue 17), so the main thread keeps answering meanwhile. The
 * promises of the check on the main thread still hold: a damaged vault is refused with
 * VAULT_CORRUPT and not one byte changed, a lock() during the check stops the unlock, and a
 * process killed during the check leaves the vault's files as they were for the next unlock.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { CoreError } from '../../../src/main/core/errors'
import type { JobRequest, Jobs } from '../../../src/main/core/ports'
import type { JobName } from '../../../src/main/core/jobs/job-tasks'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { killChildWhen } from '../../helpers/kill-child'
import { testJobs } from '../../helpers/test-jobs'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const CHILD = fileURLToPath(new URL('./fixtures/check-until-killed.ts', import.meta.url))
const ENTRIES = 3_000
const PAGE = 4096

/** The Jobs port of the tests, noting each job asked for and calling `onStart` as it starts. */
function watchedJobs(onStart: (request: JobRequest<JobName>) => void = () => undefined) {
  const real = testJobs()
  const asked: Array<{ name: string; readOnly: boolean }> = []
  let running = 0
  const jobs: Jobs = {
    async run(request, options) {
      asked.push({ name: request.name, readOnly: request.readOnly === true })
      onStart(request)
      running++
      try {
        return await real.run(request, options)
      } finally {
        running--
      }
    },
  }
  return { jobs, asked, running: () => running > 0 }
}

let vault: TestVault | undefined
afterEach(() => {
  vault?.cleanup()
  vault = undefined
})

/** A vault with `ENTRIES` reflections, locked (a clean lock leaves everything in between.db). */
async function lockedVault(jobs: Jobs): Promise<TestVault> {
  const made = await createTestVault({ jobs, checkHereUpToBytes: 0 })
  const db = made.core.vault.db()
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) made.core.reflections.create({ body: `entry ${i}\n${'a walk by the river '.repeat(8)}`, tags: [], mood: null, sessionId: null, bringToSession: false })
  })()
  made.core.lock('manual')
  return made
}

/** Every file of the vault folder and its bytes. */
const folderBytes = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]))

/** Flips one byte in the middle of a page halfway through the file: a data page the unlock's own reads never touch. */
function flipMiddlePage(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    const at = Math.floor(statSync(path).size / PAGE / 2) * PAGE + 2000
    const byte = Buffer.alloc(1)
    readSync(fd, byte, 0, 1, at)
    byte[0] = (byte[0] as number) ^ 0x01
    writeSync(fd, byte, 0, 1, at)
  } finally {
    closeSync(fd)
  }
}

describe('the full page check at unlock, in a worker', () => {
  it('runs on a read-only connection in a worker while the main thread keeps serving a 10 ms timer', async () => {
    const watched = watchedJobs()
    vault = await lockedVault(watched.jobs)
    watched.asked.length = 0
    let ticksWhileChecking = 0
    const timer = setInterval(() => {
      if (watched.running()) ticksWhileChecking++
    }, 10)
    try {
      expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
    } finally {
      clearInterval(timer)
    }
    expect(watched.asked).toEqual([{ name: 'vault.checkPages', readOnly: true }])
    expect(ticksWhileChecking).toBeGreaterThan(0)
    expect(vault.core.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get()).toBe(ENTRIES)
  }, 60_000)

  it('a vault under a mebibyte is checked on this thread: starting a worker would cost more than the check', async () => {
    const watched = watchedJobs()
    const small = await createTestVault({ jobs: watched.jobs })
    vault = small
    small.core.lock('manual')
    watched.asked.length = 0
    expect(await dispatch(small.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
    expect(watched.asked).toEqual([])
  })

  it('a flipped bit: VAULT_CORRUPT from the worker, every file byte-identical, nothing opened for writing', async () => {
    const watched = watchedJobs()
    vault = await lockedVault(watched.jobs)
    flipMiddlePage(join(vault.dir, 'between.db'))
    const before = folderBytes(vault.dir)
    watched.asked.length = 0

    const refused = await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })
    const again = await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE }).catch((error: unknown) => error)
    expect(again).toBeInstanceOf(CoreError)
    expect((again as CoreError).code).toBe('VAULT_CORRUPT')
    expect(watched.asked).toEqual([
      { name: 'vault.checkPages', readOnly: true },
      { name: 'vault.checkPages', readOnly: true },
    ])
    expect(vault.core.vault.status()).toBe('locked')
    expect(folderBytes(vault.dir)).toEqual(before)
    // A wrong passphrase is decided before any check: no worker is asked for.
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect(watched.asked).toHaveLength(2)
  }, 60_000)

  it('a lock() while the check runs stops the unlock with VAULT_LOCKED; the next unlock opens', async () => {
    let lockOnCheck = true
    const watched = watchedJobs((request) => {
      if (request.name === 'vault.checkPages' && lockOnCheck && vault) vault.core.vault.lock()
    })
    vault = await lockedVault(watched.jobs)
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    expect(vault.core.vault.status()).toBe('locked')
    lockOnCheck = false
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
  }, 60_000)

  it('a process killed (SIGKILL) during the check changes neither the database nor the header; the next unlock opens it whole', async () => {
    vault = await lockedVault(testJobs())
    vault.core.close()
    const before = folderBytes(vault.dir)
    const seen = await killChildWhen(CHILD, [vault.dir], (line) => line === 'checking')
    expect(seen).not.toContain('unlocked')
    const after = folderBytes(vault.dir)
    expect(after['between.db']).toBe(before['between.db'])
    expect(after['between.header.json']).toBe(before['between.header.json'])
    // Anything new is SQLite's own sidecars of the worker's read-only connection, which the next open takes over.
    expect(Object.keys(after).filter((name) => !(name in before)).every((name) => /^between\.db-(wal|shm)$/.test(name))).toBe(true)

    const core = vault.reopen()
    try {
      expect(await dispatch(createHandlers(core), 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
      expect(core.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get()).toBe(ENTRIES)
    } finally {
      core.close()
    }
    expect(Object.keys(folderBytes(vault.dir)).sort()).toEqual(Object.keys(before).sort())
  }, 120_000)
})
