/**
 * Vitest global setup, after jobs-worker-setup.ts: the scripts tests run as child processes,
 * bundled once per run beside the jobs worker. crash-safety starts its writer 60 times, and the
 * kill tests (helpers/kill-child.ts) a fixture per kill; under tsx each start transpiled and
 * resolved the core's whole import graph again (a second or more each on CI). Bundled like the jobs worker (an ES module,
 * packages left to node_modules), a script's core looks for its worker threads beside it
 * (workers/worker-path.ts), so the KDF worker is bundled there too.
 */
import { dirname, join, resolve } from 'node:path'
import { build } from 'esbuild'
import { bundledName, CHILD_SCRIPTS_ENV } from './child-scripts'
import { JOBS_WORKER_ENV } from './test-jobs'

const CHILD_SCRIPTS = [
  'tests/reliability/writer.ts',
  'tests/reliability/leak-worker.ts',
  'tests/integration/backup/fixtures/backup-until-killed.ts',
  'tests/integration/export/fixtures/export-until-killed.ts',
  'tests/integration/import/fixtures/import-until-killed.ts',
  'tests/integration/vault/fixtures/check-until-killed.ts',
  'tests/integration/vault/fixtures/rotate-until-killed.ts',
  'tests/integration/vault/fixtures/update-until-killed.ts',
]
const THEIR_WORKERS = ['src/main/core/vault/kdf.worker.ts']

export default async function setup(): Promise<() => void> {
  const jobsWorker = process.env[JOBS_WORKER_ENV]
  if (!jobsWorker) throw new Error('child-scripts-setup.ts runs after jobs-worker-setup.ts')
  const dir = dirname(jobsWorker)
  await Promise.all(
    [...CHILD_SCRIPTS, ...THEIR_WORKERS].map((entry) =>
      build({
        entryPoints: [resolve(entry)],
        outfile: join(dir, bundledName(entry)),
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
      }),
    ),
  )
  process.env[CHILD_SCRIPTS_ENV] = dir
  return () => void delete process.env[CHILD_SCRIPTS_ENV]
}
