import { defineConfig } from 'vitest/config'

/**
 * `npm test`'s files in two groups, one after the other. The core's unit and integration files
 * are CPU-bound Node and run on both of CI's two cores; the window's files (the real renderer in
 * Chromium beside a core in the test process) already keep two cores busy each, so they run one
 * at a time.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: ['tests/helpers/jobs-worker-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'window',
          include: ['tests/e2e/**/*.spec.ts', 'tests/smoke-electron/**/*.spec.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
