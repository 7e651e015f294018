/**
 * Where a worker thread's code is. Built, the main process is one bundle (out/main/index.js) and
 * each worker is a further entry beside it (electron.vite.config.ts): out/main/<name>.mjs (or
 * .js). From the sources (vitest, tsx) no built file is there, and the worker runs its .ts under
 * tsx's loader (its imports are extensionless TypeScript, which Node's type stripping cannot
 * resolve on its own).
 */
import { existsSync } from 'node:fs'

export interface WorkerEntry {
  url: URL
  execArgv: string[]
}

export function workerEntry(name: string, source: URL): WorkerEntry {
  for (const extension of ['.mjs', '.js']) {
    const built = new URL(`./${name}${extension}`, import.meta.url)
    if (existsSync(built)) return { url: built, execArgv: [] }
  }
  return { url: source, execArgv: ['--import', 'tsx'] }
}
