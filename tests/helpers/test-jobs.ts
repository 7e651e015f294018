import { pathToFileURL } from 'node:url'
import { createThreadJobs } from '../../src/main/core/jobs/thread-jobs'
import type { Jobs } from '../../src/main/core/ports'

/** Where tests/helpers/jobs-worker-setup.ts left this run's bundled jobs worker (inherited by child processes). */
export const JOBS_WORKER_ENV = 'BETWEEN_TEST_JOBS_WORKER'

/**
 * The Jobs port as the app has it (one worker thread per job), over the bundle that
 * tests/helpers/jobs-worker-setup.ts built for this run instead of the .ts under tsx. Outside a
 * vitest run (bench, scripts) there is no bundle and the default, from the sources, is used;
 * tests/integration/jobs/thread-jobs.test.ts runs that default on purpose.
 */
export function testJobs(): Jobs {
  const bundle = process.env[JOBS_WORKER_ENV]
  return bundle ? createThreadJobs(() => ({ url: pathToFileURL(bundle), execArgv: [] })) : createThreadJobs()
}
