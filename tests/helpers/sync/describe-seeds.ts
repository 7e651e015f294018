import { describe, expect, it } from 'vitest'
import { runSimulation } from './simulation'

/** One test per seed: after everything arrives, one state everywhere and nothing acknowledged lost. */
export function describeSeeds(title: string, seeds: readonly number[], steps: number): void {
  describe(title, () => {
    for (const seed of seeds) {
      it(`seed ${seed}: every device converges and no acknowledged edit is lost`, () => {
        const result = runSimulation(seed, steps)
        expect(result.rotations).toBe(1)
        expect(result.acknowledged).toBeGreaterThan(steps / 5)
        expect(new Set(result.hashes).size).toBe(1)
        expect(result.missing).toEqual([])
      })
    }
  })
}
