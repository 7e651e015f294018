/**
 * The large vaults (seed-large.ts) seeded once per run and copied for each launch that needs one:
 * 100,000 entries take about half a minute to write (most of it the search index), a copy of the
 * closed vault's files a fraction of a second. The first file to ask builds the vault (its own
 * core, the launch's "now"); a file asking meanwhile waits for it. Every launch gets a private copy
 * of its own, so tests may change it freely; the run's folder is made and removed by
 * shared-vault.setup.ts.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../../src/main/core'
import { testJobs } from '../helpers/test-jobs'
import { E2E_KDF } from './harness'
import { seedLargeVault, type LargeVault } from './seed-large'
import { SHARED_VAULTS_ENV } from './shared-vault.setup'

/** The passphrase of every shared vault. */
export const LARGE_VAULT_PASSPHRASE = 'quiet lantern orchard velvet'

export interface SharedLargeVault {
  total: number
  /** "Now" when seeded (epoch ms): the newest entry is an hour before it. Use the launch's start. */
  now: number
}

const META = 'large-vault.json'
const WAIT_MS = 250

/** Whether the process that took `lock` has ended without finishing (false while it is unknown). */
function holderGone(lock: string): boolean {
  let pid: number
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'))
  } catch {
    return false
  }
  if (!(pid > 0)) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** Seeds the vault into `dir`/vault (closed, like a vault the app has quit) and records what it holds. */
async function build(dir: string, { total, now }: SharedLargeVault): Promise<void> {
  const core = createCore({ dataDir: join(dir, 'vault'), clock: { now: () => now }, kdfCost: E2E_KDF, jobs: testJobs() })
  try {
    await core.vault.create(LARGE_VAULT_PASSPHRASE)
    const seeded = seedLargeVault(core, total, now)
    writeFileSync(join(dir, META), JSON.stringify(seeded))
  } finally {
    core.close()
  }
}

/** The run's copy of the vault, built here unless another file is building it or has built it. */
async function sharedCopy(vault: SharedLargeVault): Promise<string> {
  const root = process.env[SHARED_VAULTS_ENV]
  if (!root) throw new Error(`${SHARED_VAULTS_ENV} is not set: the window project's global setup (shared-vault.setup.ts) makes the run's folder.`)
  const ready = join(root, `large-${vault.total}-${vault.now}`)
  const lock = `${ready}.lock`
  for (;;) {
    if (existsSync(ready)) return ready
    try {
      mkdirSync(lock)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // Another file builds it; if its process has gone without finishing, take over.
      if (holderGone(lock)) rmSync(lock, { recursive: true, force: true })
      await new Promise((done) => setTimeout(done, WAIT_MS))
      continue
    }
    const building = `${ready}.building`
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid))
      rmSync(building, { recursive: true, force: true })
      mkdirSync(building)
      await build(building, vault)
      renameSync(building, ready)
      return ready
    } finally {
      rmSync(building, { recursive: true, force: true })
      rmSync(lock, { recursive: true, force: true })
    }
  }
}

/**
 * Copies the run's large vault of `vault.total` entries into `dataDir` (which must not exist yet),
 * locked: unlock it with LARGE_VAULT_PASSPHRASE in the launch's beforeLoad.
 */
export async function copyLargeVault(dataDir: string, vault: SharedLargeVault): Promise<LargeVault> {
  const source = await sharedCopy(vault)
  cpSync(join(source, 'vault'), dataDir, { recursive: true })
  return JSON.parse(readFileSync(join(source, META), 'utf8')) as LargeVault
}
