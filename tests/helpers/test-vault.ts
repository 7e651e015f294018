import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../src/main/core'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import type { EventSink, KdfCost } from '../../src/main/core/ports'
import { testJobs } from './test-jobs'

/** Argon2id cost for tests only: production calibrates to >= 64 MiB, t >= 3. */
export const CHEAP_KDF: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

export const TEST_PASSPHRASE = 'correct horse battery staple'

export interface FakeClock {
  now(): number
  set(ms: number): void
  advance(ms: number): void
}

export function fakeClock(start = Date.UTC(2026, 2, 3, 9, 0)): FakeClock {
  let current = start
  return { now: () => current, set: (ms) => (current = ms), advance: (ms) => (current += ms) }
}

export interface RecordedEvents extends EventSink {
  log: Array<{ event: string; payload: unknown }>
}

export function recordEvents(): RecordedEvents {
  const log: RecordedEvents['log'] = []
  return { log, emit: (event: string, payload: unknown) => void log.push({ event, payload }) } as RecordedEvents
}

export interface TestVault {
  dir: string
  core: Core
  handlers: Handlers
  clock: FakeClock
  events: RecordedEvents
  recoveryKey: string
  /** A second core over the same folder (e.g. after a restart). */
  reopen(): Core
  cleanup(): void
}

export function makeTempDir(prefix = 'between-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A real encrypted vault in a fresh temp folder, created and unlocked. */
export const createTestVault = (options: Partial<CoreOptions> = {}): Promise<TestVault> =>
  testVaultIn(options.dataDir ?? makeTempDir(), options, async (core) => (await core.vault.create(TEST_PASSPHRASE)).recoveryKey)

/**
 * A copy of a test vault's folder (closed first), in a fresh temp folder and unlocked: a file
 * whose cases each need the same large vault fills one and copies it, instead of filling each.
 */
export function copyTestVault(source: Pick<TestVault, 'dir' | 'recoveryKey'>, options: Partial<CoreOptions> = {}): Promise<TestVault> {
  const dir = makeTempDir()
  cpSync(source.dir, dir, { recursive: true })
  return testVaultIn(dir, options, async (core) => {
    await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    return source.recoveryKey
  })
}

async function testVaultIn(dir: string, options: Partial<CoreOptions>, open: (core: Core) => Promise<string>): Promise<TestVault> {
  const clock = fakeClock()
  const events = recordEvents()
  const make = () => createCore({ dataDir: dir, clock, events, kdfCost: CHEAP_KDF, jobs: testJobs(), ...options })
  const core = make()
  const recoveryKey = await open(core)
  return {
    dir,
    core,
    handlers: createHandlers(core),
    clock,
    events,
    recoveryKey,
    reopen: make,
    cleanup() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
