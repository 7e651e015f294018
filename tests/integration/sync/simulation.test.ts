import { describe, expect, it } from 'vitest'
import { runSimulation } from '../../helpers/sync/simulation'

/** A few seeds in the everyday suite; `npm run test:reliability` runs 200 seeds of 10,000 steps. */
describe('sync simulation (three devices and a removed fourth over a hostile folder sync)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every device converges and no acknowledged edit is lost`, () => {
      const result = runSimulation(seed, 1500)
      expect(result.acknowledged).toBeGreaterThan(500)
      expect(result.rotations).toBe(1)
      expect(result.net.truncated + result.net.withheld + result.net.conflictCopies).toBeGreaterThan(0)
      expect(new Set(result.hashes).size).toBe(1)
      expect(result.missing).toEqual([])
    })
  }
})
