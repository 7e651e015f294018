/**
 * A failed unlock changes no byte and leaves no new file, also when the vault was left open (or
 * crashed) and its data sits in a live WAL. Before the read-only probe, closing the failed
 * connection checkpointed the WAL's good frames into between.db (after which between.db alone
 * was corrupt) and left a new -shm behind.
 */
import { copyFileSync, existsSync, readdirSync, rmSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createJobRunner } from '../../../src/main/core/jobs/job-runner'
import { silentEvents, silentLogger } from '../../../src/main/core/ports'
import { createPageCheck } from '../../../src/main/core/vault/page-check-job'
import type { VaultServiceOptions } from '../../../src/main/core/vault/vault-context'
import { testJobs } from '../../helpers/test-jobs'
import { cleanupTempDirs, createdVault, expectCode, insertNotes, makeVault, noteCount, PASSPHRASE, snapshot, tempDir } from './vault-fixtures'
import { damageWalFrame, walFrameCount } from './wal-damage'

afterEach(cleanupTempDirs)

/** A copy of a vault folder taken while the vault is open: its writes are still in the WAL. */
async function crashedCopy(rows: number, withShm: boolean) {
  const { dir, vault } = await createdVault(rows)
  for (let i = 0; i < 4; i++) insertNotes(vault.db(), 50, 400)
  const copy = tempDir('between-crashed-')
  for (const name of readdirSync(dir)) {
    if (name.endsWith('-shm') && !withShm) continue
    if (name === 'between.lock') continue
    copyFileSync(join(dir, name), join(copy, name))
  }
  vault.lock()
  expect(existsSync(join(copy, 'between.db-wal'))).toBe(true)
  return copy
}

const DAMAGE: Array<[string, (dir: string) => void]> = [
  ['a damaged frame the WAL checksums accept (last frame)', (dir) => damageWalFrame(join(dir, 'between.db-wal'), walFrameCount(join(dir, 'between.db-wal')).frames - 1, 200)],
  ['a damaged frame the WAL checksums accept (middle frame)', (dir) => damageWalFrame(join(dir, 'between.db-wal'), Math.floor(walFrameCount(join(dir, 'between.db-wal')).frames / 2), 1000)],
  ['two damaged frames', (dir) => {
    const wal = join(dir, 'between.db-wal')
    const { frames } = walFrameCount(wal)
    damageWalFrame(wal, frames - 1, 64)
    damageWalFrame(wal, frames - 3, 2048)
  }],
]

/** The page check where the vault's own tests run it, and where the core does (a worker, read-only). */
const CHECKED: Array<[string, Partial<VaultServiceOptions>]> = [
  ['checked on this thread', {}],
  ['checked in a worker', { checkHereUpToBytes: 0, checkPages: createPageCheck(createJobRunner({ jobs: testJobs(), events: silentEvents, logger: silentLogger, onIdle: () => undefined })) }],
]

describe('a failed unlock writes nothing', () => {
  for (const [where, options] of CHECKED) {
    for (const withShm of [false, true]) {
      for (const [name, damage] of DAMAGE) {
        it(`${name}, ${withShm ? 'with' : 'without'} its -shm, ${where}: VAULT_CORRUPT and every file byte-identical`, async () => {
          const dir = await crashedCopy(20, withShm)
          damage(dir)
          const before = snapshot(dir)
          const vault = makeVault(dir, options)
          await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
          await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
          expect(snapshot(dir)).toEqual(before)
        })
      }
    }
  }

  it('a WAL cut mid-frame or a wrong passphrase over a live WAL: nothing written either', async () => {
    const dir = await crashedCopy(20, false)
    const wal = join(dir, 'between.db-wal')
    const before = snapshot(dir)
    const vault = makeVault(dir)
    await expectCode(vault.unlock({ passphrase: 'not the passphrase at all' }), 'WRONG_PASSPHRASE')
    expect(snapshot(dir)).toEqual(before)
    truncateSync(wal, 32 + 4120 * 3 + 100)
    const cut = snapshot(dir)
    // SQLite ignores a torn last frame: this opens, with what the whole frames hold.
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBeGreaterThanOrEqual(0)
    vault.lock()
    expect(Object.keys(snapshot(dir)).sort()).toEqual(Object.keys(cut).filter((f) => f !== 'between.db-wal').concat('between.lock').sort())
  })

  it('a clean lock checkpoints the WAL into between.db: a copy of between.db alone is complete', async () => {
    const { dir, vault } = await createdVault(300)
    vault.lock()
    expect(existsSync(join(dir, 'between.db-wal'))).toBe(false)
    const alone = tempDir('between-alone-')
    copyFileSync(join(dir, 'between.db'), join(alone, 'between.db'))
    copyFileSync(join(dir, 'between.header.json'), join(alone, 'between.header.json'))
    const reopened = makeVault(alone)
    await reopened.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(reopened.db())).toBe(300)
    reopened.lock()
    rmSync(alone, { recursive: true, force: true })
  })
})
