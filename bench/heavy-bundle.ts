/**
 * The heavy suite's child as the app ships the core: bench/heavy-child.ts bundled into one ES
 * module (vite, Node target) beside a copy of the built main's workers and chunks, run by plain
 * Node. Its resident memory is then the core's own (from the sources, tsx's compiler held about
 * 60 MB more before any work). Null when `npm run build` has not run: the child then runs from
 * the sources under tsx.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const BUILT_MAIN = fileURLToPath(new URL('../out/main/', import.meta.url))
const OUT = fileURLToPath(new URL('../out/bench/', import.meta.url))
const CHILD = 'heavy-child.mjs'

export async function bundledHeavyChild(): Promise<string | null> {
  if (!existsSync(join(BUILT_MAIN, 'jobs.worker.mjs'))) return null
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  // Inside the project, so the native module resolves from node_modules; the workers beside it,
  // where the core looks for them once bundled (src/main/core/workers/worker-path.ts).
  for (const name of readdirSync(BUILT_MAIN)) if (name !== 'index.js' && /\.m?js$/.test(name)) copyFileSync(join(BUILT_MAIN, name), join(OUT, name))
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: fileURLToPath(new URL('./heavy-child.ts', import.meta.url)),
      outDir: OUT,
      emptyOutDir: false,
      minify: false,
      target: 'node24',
      rolldownOptions: { output: { entryFileNames: CHILD, format: 'es', codeSplitting: false } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3-multiple-ciphers'] },
  })
  return join(OUT, CHILD)
}
