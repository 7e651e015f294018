import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtWorkerUrl, workerUrl } from './worker-path'

const bundle = pathToFileURL(join('/opt', 'Between', 'resources', 'app.asar', 'out', 'main', 'index.js')).href
const source = new URL('./kdf.worker.ts', pathToFileURL(join('/repo', 'src', 'main', 'core', 'vault', 'kdf.ts')))

describe('worker-path', () => {
  it('from the sources (this file is a .ts), the worker is its TypeScript source', () => {
    expect(workerUrl('kdf', source)).toBe(source)
  })

  it('built (inlined into out/main/index.js, packaged or not), the worker is the .mjs beside the bundle, never the .ts', () => {
    const url = workerUrl('kdf', source, bundle)
    expect(url.href).toBe(pathToFileURL(join('/opt', 'Between', 'resources', 'app.asar', 'out', 'main', 'kdf.worker.mjs')).href)
    expect(workerUrl('jobs', new URL('./jobs.worker.ts', source), bundle).pathname).toMatch(/\/out\/main\/jobs\.worker\.mjs$/)
  })

  it('refuses a name that would leave the bundle folder', () => {
    for (const name of ['../kdf', 'kdf/../../x', '', 'Kdf.worker']) expect(() => builtWorkerUrl(name, bundle)).toThrow('WORKER_NAME_INVALID')
  })
})
