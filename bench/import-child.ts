/**
 * Run as a child by bench/imports.ts: the core alone in a fresh process over an existing vault,
 * each import through the contract (dispatch): choose (this thread reads the file; the worker
 * plans the preview) and apply (in a worker, in short transactions). For each it prints one JSON line
 * as bench/heavy-child.ts does: the time, the main thread's longest event-loop stall
 * (perf_hooks.monitorEventLoopDelay) and its busy time (performance.eventLoopUtilization).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createCore } from '../src/main/core'
import { createThreadJobs } from '../src/main/core/jobs/thread-jobs'
import { dispatch } from '../src/main/ipc/dispatch'
import { createHandlers } from '../src/main/ipc/handlers'
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contract'
import type { ImportKind } from '../src/shared/ipc/schemas/import'

const [dataDir, passphrase, dayOnePath, calendarPath, builtWorker] = process.argv.slice(2) as [string, string, string, string, string | undefined]

let open = dayOnePath
const dialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => open, chooseFolder: async () => null }
const jobs = builtWorker ? createThreadJobs(() => ({ url: pathToFileURL(builtWorker), execArgv: [] })) : undefined
const core = createCore({ dataDir, dialogs, ...(jobs ? { jobs } : {}) })
await core.vault.unlock({ passphrase })
const handlers = createHandlers(core)

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(handlers, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`)
  return result.value as ChannelOutput<C>
}

async function measure<T>(name: string, op: () => Promise<T>): Promise<T> {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  // The histogram records from its second tick on: without this, a stall at the very start of
  // the operation would not be counted.
  await new Promise((resolve) => setTimeout(resolve, 20))
  const eventLoop = performance.eventLoopUtilization()
  const started = performance.now()
  const value = await op()
  const ms = performance.now() - started
  const busyMs = performance.eventLoopUtilization(eventLoop).active
  // A synchronous stretch at the very end is recorded only when the loop turns once more.
  await new Promise((resolve) => setTimeout(resolve, 10))
  delay.disable()
  process.stdout.write(`${JSON.stringify({ name, ms, stallMs: delay.max / 1e6, busyMs })}\n`)
  return value
}

async function importFile(label: string, path: string, options: ChannelInput<'import.choose'> & { kind: ImportKind }): Promise<void> {
  open = path
  const chosen = await measure(`${label}: choose and preview (worker)`, () => call('import.choose', options))
  if (chosen.status !== 'ready') throw new Error('expected a preview')
  const applied = await measure(`${label}: apply (worker)`, () => call('import.apply', { planId: chosen.preview.planId, options }))
  if (applied.status !== 'imported') throw new Error('expected an import')
}

await measure('idle main thread (control)', () => new Promise((resolve) => setTimeout(resolve, 2_000)))
await importFile('import a 20,000-entry Day One file', dayOnePath, { kind: 'dayOne' })
await importFile('import a 5,000-event calendar', calendarPath, { kind: 'calendar', calendar: { timeZone: 'Europe/London', pastMonths: 1200, aheadMonths: 24 } })
core.close()
