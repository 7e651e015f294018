import { defineConfig } from 'vitest/config'
import LongestFirstSequencer from './tests/helpers/longest-first-sequencer'

/** `npm run test:reliability`: the slow crash, leak and fault suites (also run by .ci/run). */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    pool: 'forks',
    // In this order: the child scripts are bundled into the jobs worker's folder.
    globalSetup: ['tests/helpers/jobs-worker-setup.ts', 'tests/helpers/child-scripts-setup.ts'],
    // Two workers (vitest's default on two cores is one): the four sync simulation files are pure CPU, 50 seeds each, so the two share them and the other files evenly.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
