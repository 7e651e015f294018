import { defineConfig } from 'vitest/config'

/** `npm run test:reliability`: the slow crash, leak and fault suites (also run by .ci/run). */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/helpers/jobs-worker-setup.ts'],
    // The two sync simulation files are pure CPU: one on each of CI's two cores (vitest's default leaves one idle).
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
