import { globSync, readFileSync } from 'node:fs'
import { configDefaults, defineConfig } from 'vitest/config'
import LongestFirstSequencer from './tests/helpers/longest-first-sequencer'

const CORE_FILES = ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts']

/**
 * Files that mock modules or stub the process or its environment run each in a process of its
 * own; every other core file shares its worker's modules with the files before it.
 */
const NEEDS_OWN_PROCESS = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env\.TZ\b/
const OWN_PROCESS = CORE_FILES.flatMap((pattern) => globSync(pattern)).filter((file) =>
  NEEDS_OWN_PROCESS.test(readFileSync(file, 'utf8')),
)

/**
 * `npm test`'s files in two groups, one after the other, each on both of CI's two cores: the
 * core's unit and integration files, then the window's (the real renderer in Chromium beside a
 * core in the test process; one of them alone kept 1.4 cores busy, waiting on the page between
 * steps).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // In this order: the child scripts are bundled into the jobs worker's folder.
    globalSetup: ['tests/helpers/jobs-worker-setup.ts', 'tests/helpers/child-scripts-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: CORE_FILES,
          exclude: [...configDefaults.exclude, ...OWN_PROCESS],
          // A fresh module graph per file cost a fifth of the group's time in imports; these files
          // leave no state behind them, so each worker imports the core once.
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'core-own-process',
          include: OWN_PROCESS,
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'window',
          include: ['tests/e2e/**/*.spec.ts', 'tests/smoke-electron/**/*.spec.ts'],
          setupFiles: ['tests/e2e/keep-browser.setup.ts'],
          globalSetup: ['tests/e2e/shared-vault.setup.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
