/**
 * Vitest global setup: the jobs worker bundled once per run, as the build does it
 * (electron.vite.config.ts: an ES module, packages left to node_modules), except that the tasks
 * it imports when a job starts (jobs/job-tasks.ts) are inlined here rather than split into chunks.
 * From the sources every job would otherwise start its thread under tsx's loader, which
 * transpiles and resolves the worker's whole import graph again for each thread (about two
 * seconds a job on CI); the bundle starts in a fraction of that. Each run gets its own folder,
 * so runs side by side never read a half-written bundle. The test forks (and the child processes
 * they start) inherit its path through the environment.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { JOBS_WORKER_ENV } from './test-jobs'

export default async function setup(): Promise<() => void> {
  const root = resolve('.test-workers')
  mkdirSync(root, { recursive: true })
  const dir = mkdtempSync(join(root, 'run-'))
  const outfile = join(dir, 'jobs.worker.mjs')
  await build({
    entryPoints: [resolve('src/main/core/jobs/jobs.worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  process.env[JOBS_WORKER_ENV] = outfile
  return () => {
    delete process.env[JOBS_WORKER_ENV]
    rmSync(dir, { recursive: true, force: true })
  }
}
