import { defineConfig } from 'vitest/config'

/** `npm run test:reliability`: the slow crash, leak and fault suites (also run by .ci/run). */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/helpers/jobs-worker-setup.ts'],
    // The four sync simulation files are pure CPU; two workers share them and the other files (vitest's default on two cores is one worker).
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
