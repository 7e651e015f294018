import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'

/** Where tests/helpers/child-scripts-setup.ts left this run's bundled child scripts (inherited by the test forks). */
export const CHILD_SCRIPTS_ENV = 'BETWEEN_TEST_CHILD_SCRIPTS'

/** The bundle's name for a script: `writer.ts` → `writer.mjs`. */
export const bundledName = (source: string): string => basename(source).replace(/\.ts$/, '.mjs')

/**
 * Node's arguments that run the TypeScript script `source` in a child process: the bundle this
 * run built of it (it starts in a fraction of tsx's time: nothing to transpile), or, outside a
 * run with that setup, the source under tsx.
 */
export function childScriptArgs(source: string): string[] {
  const dir = process.env[CHILD_SCRIPTS_ENV]
  const bundle = dir ? join(dir, bundledName(source)) : null
  return bundle && existsSync(bundle) ? [bundle] : ['--import', 'tsx', source]
}
