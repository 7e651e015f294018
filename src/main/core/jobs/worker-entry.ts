/**
 * The jobs worker's file and how to start it. The file is found like every worker's
 * (../workers/worker-path.ts); from the sources the worker's .ts imports extensionless
 * TypeScript, which Node's type stripping cannot resolve, so it runs under tsx's loader.
 */
import { workerUrl } from '../workers/worker-path'

export interface WorkerEntry {
  url: URL
  execArgv: string[]
}

export function workerEntry(name: string, source: URL): WorkerEntry {
  const url = workerUrl(name, source)
  return { url, execArgv: url.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [] }
}
