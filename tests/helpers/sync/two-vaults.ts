import { rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../test-vault'

export interface TwoComputers {
  folder: string
  laptop: TestVault
  desk: TestVault
  /** Both computers sync until neither applies anything (files already in the shared folder). */
  settle(): Promise<void>
  cleanup(): void
}

/** Two real vaults whose sync folders are one folder (as if a sync engine delivered instantly). */
export async function twoComputers(folder = makeTempDir('between-sync-')): Promise<TwoComputers> {
  const laptop = await createTestVault()
  const desk = await createTestVault()
  return {
    folder,
    laptop,
    desk,
    async settle() {
      for (let round = 0; round < 10; round++) {
        const a = await laptop.core.sync.syncNow({})
        const b = await desk.core.sync.syncNow({})
        if (a.appliedFiles + b.appliedFiles + a.sent + b.sent === 0) return
      }
      throw new Error('sync did not settle')
    },
    cleanup() {
      laptop.cleanup()
      desk.cleanup()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

export const enableBoth = async (two: TwoComputers): Promise<void> => {
  await two.laptop.core.sync.enable({ folder: two.folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
  await two.desk.core.sync.enable({ folder: two.folder, deviceName: 'Desk', passphrase: TEST_PASSPHRASE })
}

/**
 * Computers joined to sync folders, for a test file (call at its top level): each vault, and
 * whatever is handed to `later`, is cleaned up after each test.
 */
export function syncedComputers(): { computer(folder: string, name: string): Promise<TestVault>; later(step: () => void): void } {
  let steps: Array<() => void> = []
  afterEach(() => {
    for (const step of steps) step()
    steps = []
  })
  return {
    async computer(folder, name) {
      const vault = await createTestVault()
      steps.push(() => vault.cleanup())
      await vault.core.sync.enable({ folder, deviceName: name, passphrase: TEST_PASSPHRASE })
      return vault
    },
    later: (step) => void steps.push(step),
  }
}

/** Passes on each computer in turn until none applies or sends anything. */
export async function settleAll(computers: readonly TestVault[], pass: (v: TestVault) => Promise<{ appliedFiles: number; sent: number }>): Promise<void> {
  for (let round = 0; round < 12; round++) {
    let moved = 0
    for (const v of computers) {
      const result = await pass(v)
      moved += result.appliedFiles + result.sent
    }
    if (moved === 0) return
  }
  throw new Error('sync did not settle')
}

/** Every reflection's text on a computer, sorted. */
export const reflectionBodies = (v: TestVault): string[] =>
  v.core.reflections
    .list({ limit: 500, before: null, tag: null })
    .map((r) => r.body)
    .sort()

/** The hash of a computer's merged sync state (equal on computers that converged). */
export const mergedStateHash = (v: TestVault): string => vaultSyncStore(v.core.vault.db(), 0).hash()
