// `node --import ./register-stand-in.mjs out/main/index.js`: the built main bundle, unchanged,
// with `electron` resolved to the recording stand-in (fake-electron.mjs) by a module resolve
// hook, and worker threads recorded (which file the bundle starts as its KDF worker).
import { registerHooks, syncBuiltinESMExports } from 'node:module'
import workerThreads from 'node:worker_threads'
import { record } from './boot-record.mjs'

const standIn = new URL('./fake-electron.mjs', import.meta.url).href

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true }
    return nextResolve(specifier, context)
  },
})

const RealWorker = workerThreads.Worker
workerThreads.Worker = class RecordedWorker extends RealWorker {
  constructor(file, options) {
    record('worker', String(file))
    super(file, options)
  }
}
// The bundle imports { Worker } from "node:worker_threads": update that named export too.
syncBuiltinESMExports()
