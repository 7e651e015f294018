import { afterAll, describe, expect, it } from 'vitest'
import { runSimulation } from './simulation'

/**
 * One test per seed: after everything arrives, one state everywhere and nothing acknowledged lost.
 * Compaction depends on how a seed's devices come and go (a few seeds never have 200 files that
 * every current device has applied), so it is asked of nine seeds in ten, not of every one; so
 * is deleting the removed device's files, which waits for a snapshot that covers them.
 */
export function describeSeeds(title: string, seeds: readonly number[], steps: number): void {
  describe(title, () => {
    const started = performance.now()
    let cpuMs = 0
    let rejoins = 0
    let compacted = 0
    let retiredTidied = 0
    // The run time is printed, never asserted (timed assertions are not allowed on this machine).
    afterAll(() => {
      const wallS = (performance.now() - started) / 1000
      process.stdout.write(`${title}: ${seeds.length} seeds in ${wallS.toFixed(1)} s (${(cpuMs / 1000).toFixed(1)} s of CPU, ${(cpuMs / seeds.length).toFixed(0)} ms per seed; ${rejoins} rejoins after compaction)\n`)
    })
    for (const seed of seeds) {
      it(`seed ${seed}: every device converges and no acknowledged edit is lost`, () => {
        const cpu = process.cpuUsage()
        const result = runSimulation(seed, steps)
        const used = process.cpuUsage(cpu)
        cpuMs += (used.user + used.system) / 1000
        rejoins += result.rejoins
        expect(result.rotations).toBe(1)
        if (result.snapshots > 0) compacted++
        expect(result.acknowledged).toBeGreaterThan(steps / 5)
        expect(new Set(result.hashes).size).toBe(1)
        expect(result.missing).toEqual([])
        // What the removed device wrote after its removal is applied nowhere and deleted everywhere.
        expect(result.afterRemoval).toMatchObject({ left: 0, applied: 0 })
        if (result.retiredDeleted > 0) retiredTidied++
      })
    }
    it('old operations were compacted into a snapshot in nine seeds out of ten', () => {
      expect(compacted).toBeGreaterThanOrEqual(Math.ceil(seeds.length * 0.9))
    })
    it("the removed device's compacted files were deleted by the others in at least half the seeds", () => {
      expect(retiredTidied).toBeGreaterThanOrEqual(Math.ceil(seeds.length / 2))
    })
  })
}

/**
 * Seeds `first`…`last` of the reliability suite's 200, 10,000 steps each. The suite spreads them
 * over four files, so vitest can share them and the other reliability files evenly between two cores.
 */
export function describeSeedRange(first: number, last: number): void {
  const seeds = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  describeSeeds(`sync simulation, seeds ${first}-${last} of 200 (10,000 steps each)`, seeds, 10_000)
}
