/** The production KDF path: calibration at creation, never below 64 MiB / t=3. */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { KdfCost } from '../../../src/main/core/ports'
import { parseHeader } from '../../../src/main/core/vault/header'
import { calibrateKdf, KDF_FLOOR } from '../../../src/main/core/vault/kdf'
import { cleanupTempDirs, expectCode, makeVault, PASSPHRASE, vaultDir } from './vault-fixtures'

afterEach(cleanupTempDirs)

/** A machine whose Argon2id time is linear in memory x passes, `floorMs` for the floor. */
const linearMachine = (floorMs: number, superlinearAboveKiB = Infinity) => {
  const seen: KdfCost[] = []
  const measure = async (cost: KdfCost) => {
    seen.push(cost)
    const units = (cost.memoryKiB / KDF_FLOOR.memoryKiB) * (cost.iterations / KDF_FLOOR.iterations)
    return floorMs * units * (cost.memoryKiB > superlinearAboveKiB ? 3 : 1)
  }
  return { measure, seen }
}

const unitsOf = (cost: KdfCost) => (cost.memoryKiB / KDF_FLOOR.memoryKiB) * (cost.iterations / KDF_FLOOR.iterations)

describe('KDF calibration', () => {
  it('creates with the real calibration: at least 64 MiB and t=3 in the header; unlock time printed', { timeout: 60_000 }, async () => {
    const dir = vaultDir()
    const vault = makeVault(dir, { kdfCost: undefined })
    const { recoveryKey } = await vault.create(PASSPHRASE)
    const { passphrase: kdf } = parseHeader(readFileSync(vault.paths.header, 'utf8'))
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(64 * 1024)
    expect(kdf.iterations).toBeGreaterThanOrEqual(3)
    expect(kdf.parallelism).toBe(1)
    vault.lock()

    const start = performance.now()
    await vault.unlock({ passphrase: PASSPHRASE })
    const unlockMs = performance.now() - start
    vault.lock()
    console.log(`calibrated: m=${kdf.memoryKiB / 1024} MiB t=${kdf.iterations} p=${kdf.parallelism}; unlock ${unlockMs.toFixed(0)} ms`)
    // The recovery key opens it too (HKDF over 130 random bits, no Argon2).
    await vault.unlock({ recoveryKey })
    vault.lock()
    await expectCode(vault.unlock({ passphrase: 'not the passphrase' }), 'WRONG_PASSPHRASE')
  })

  it('a slow machine gets the floor, even when the floor takes more than a second', async () => {
    for (const floorMs of [250, 400, 1500]) {
      const { cost } = await calibrateKdf(linearMachine(floorMs))
      expect(cost).toEqual(KDF_FLOOR)
    }
  })

  it('a fast machine is raised towards 0.5 s: memory first (to 256 MiB), then passes', async () => {
    const MiB = 1024
    const cases: Array<[number, (cost: KdfCost) => void]> = [
      // 200 ms at the floor: x2.5 in memory -> 160 MiB, t=3 (500 ms)
      [200, (c) => expect(c).toEqual({ memoryKiB: 160 * MiB, iterations: 3, parallelism: 1 })],
      // 100 ms: x5 wanted, memory stops at 256 MiB (x4), passes stay 3 (400 ms)
      [100, (c) => expect(c).toEqual({ memoryKiB: 256 * MiB, iterations: 3, parallelism: 1 })],
      // 20 ms: 256 MiB, then passes: 18 (480 ms)
      [20, (c) => expect(c).toEqual({ memoryKiB: 256 * MiB, iterations: 18, parallelism: 1 })],
    ]
    for (const [floorMs, check] of cases) {
      const machine = linearMachine(floorMs)
      const { cost, measuredMs } = await calibrateKdf(machine)
      check(cost)
      expect(cost.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB)
      expect(cost.iterations).toBeGreaterThanOrEqual(KDF_FLOOR.iterations)
      expect(measuredMs).toBeLessThanOrEqual(1000)
      expect(measuredMs).toBeGreaterThanOrEqual(250)
      expect(floorMs * unitsOf(cost)).toBe(measuredMs)
    }
  })

  it('a choice that measures above 1 s (memory pressure) is stepped back, never under the floor', async () => {
    const machine = linearMachine(50, 128 * 1024)
    const { cost, measuredMs } = await calibrateKdf(machine)
    expect(machine.seen.length).toBeGreaterThanOrEqual(3)
    expect(measuredMs).toBeLessThanOrEqual(1000)
    expect(cost.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB)
    expect(cost.iterations).toBeGreaterThanOrEqual(3)
  })
})
