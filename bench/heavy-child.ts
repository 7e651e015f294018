/**
 * Run as a child by bench/heavy.ts: the core alone in a fresh process over an existing vault,
 * every heavy operation through the contract (dispatch), one after another, and last the first unlock after an update. For each it prints
 * one JSON line: its time, the main thread's longest event-loop stall while it ran
 * (perf_hooks.monitorEventLoopDelay) and its total busy time (performance.eventLoopUtilization:
 * a long stall with little busy time is the thread waiting for a CPU, not running our code),
 * the process's peak resident memory sampled while it ran (worker threads included) and what
 * the operation added to it, and its physical anchor (a plain `cp` of the vault file, or one
 * read of the data) measured just before.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createCore } from '../src/main/core'
import type { FileDialogs, PdfRenderer } from '../src/main/core/ports'
import { dispatch } from '../src/main/ipc/dispatch'
import { createHandlers } from '../src/main/ipc/handlers'
import type { Channel, ChannelInput } from '../src/shared/ipc/contract'
import { busiestStretch } from './main-thread-share'

const [dataDir, out, passphrase, runsArg] = process.argv.slice(2) as [string, string, string, string]
const runs = Number(runsArg)
const YEAR = 365 * 86_400_000

let n = 0
const dialogs: FileDialogs = {
  chooseSavePath: async (_kind, name) => join(out, `${n++}-${name}`),
  chooseOpenPath: async () => null,
  chooseFolder: async () => {
    const folder = join(out, `folder-${n++}`)
    mkdirSync(folder)
    return folder
  },
}
/** The bench measures building the report's HTML and writing the file; Chromium's printing is not ours to time. */
const htmlAsPdf: PdfRenderer = { render: async (html) => Buffer.from(html, 'utf8'), renderFile: (path) => readFile(path) }
const backups = join(out, 'backups')
mkdirSync(backups)

// Bundled (bench/heavy-bundle.ts), the core finds the built workers beside this file, as the
// app does; from the sources, each job's thread loads tsx.
/** Off for one measure: the data-key rotation without the automatic backup it makes first. */
let backupFolderSet = true
const core = createCore({ dataDir, dialogs, pdfRenderer: htmlAsPdf, backupFolder: { get: () => (backupFolderSet ? backups : null), set: () => undefined } })
await core.vault.unlock({ passphrase })
const handlers = createHandlers(core)

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<unknown> {
  const result = await dispatch(handlers, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`)
  return result.value
}

const timed = (fn: () => void): number => {
  const started = performance.now()
  fn()
  return performance.now() - started
}

/** The physical anchors. */
const copyVaultFile = (): number => timed(() => execFileSync('cp', [join(dataDir, 'between.db'), join(out, 'anchor-copy.db')]))
const readDataOnce = (): number =>
  timed(() => {
    const db = core.vault.db()
    for (const table of ['reflections', 'sessions', 'contacts']) for (const row of db.prepare(`SELECT * FROM ${table}`).raw().iterate()) void row
  })

/** BENCH_HEAVY_ONLY: a pattern; only the operations whose names match run (and the idle control). */
const only = process.env.BENCH_HEAVY_ONLY ? new RegExp(process.env.BENCH_HEAVY_ONLY, 'i') : null

/** `prepare`: untimed, before each run (a vault taken back to an older schema). */
async function measure(name: string, op: () => Promise<unknown>, anchor?: { label: string; run: () => number }, prepare?: () => void): Promise<void> {
  if (only && !only.test(name) && !name.startsWith('idle')) return
  for (let i = 0; i < runs; i++) {
    prepare?.()
    const anchorCpu = process.cpuUsage()
    const anchorMs = anchor?.run()
    const anchorUsed = process.cpuUsage(anchorCpu)
    const delay = monitorEventLoopDelay({ resolution: 5 })
    const before = process.memoryUsage.rss()
    let peak = before
    const busiest = busiestStretch()
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss())
      busiest.sample()
    }, 20)
    delay.enable()
    const eventLoop = performance.eventLoopUtilization()
    const cpu = process.cpuUsage()
    const started = performance.now()
    await op()
    const ms = performance.now() - started
    const used = process.cpuUsage(cpu)
    const busyMs = performance.eventLoopUtilization(eventLoop).active
    // A stall that ends with the operation (its last synchronous stretch, up to the answer) is
    // recorded only when the sampler's timer fires next: let it fire before reading the maximum.
    await new Promise((resolve) => setTimeout(resolve, 20))
    delay.disable()
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage.rss())
    busiest.sample()
    const line = { name, ms, stallMs: delay.max / 1e6, ...busiest.result(), peakRssMB: peak / 2 ** 20, growthMB: (peak - before) / 2 ** 20, busyMs, cpuMs: (used.user + used.system) / 1000, ...(anchor ? { anchor: anchor.label, anchorMs, anchorCpuMs: (anchorUsed.user + anchorUsed.system) / 1000 } : {}) }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
}

const cp = { label: 'cp of the vault file', run: copyVaultFile }
const read = { label: 'one read of the data', run: readDataOnce }
const latest = (): string => readdirSync(backups).filter((name) => name.endsWith('.betweenbackup')).sort().at(-1) as string
const end = Date.UTC(2026, 10, 1)
const yearRange = { confirmUnencrypted: true, from: end - YEAR, to: end, timeZone: 'Europe/London', locale: 'en-GB' } as const
const allRange = { confirmUnencrypted: true, from: null, to: null, timeZone: 'Europe/London', locale: 'en-GB' } as const

/** The machine's own noise: nothing runs but the sampler (the stall any figure below includes). */
await measure('idle main thread (control)', () => new Promise((resolve) => setTimeout(resolve, 2_000)))
await measure('backup (verified)', () => call('backup.now', {}), cp)
await measure('verify a backup (backup.test)', () => call('backup.test', { source: { name: latest() } }), cp)
await measure('export JSON (everything)', () => call('export.json', { confirmUnencrypted: true }), read)
await measure('export Markdown (one document, everything)', () => call('export.markdownDocument', allRange), read)
await measure('PDF report of a year (HTML built and written)', () => call('export.pdf', yearRange), read)
await measure('rotate the data key (verified copy, rekey, check; no backup folder)', async () => {
  backupFolderSet = false
  try {
    await call('vault.rotateKey', { passphrase })
  } finally {
    backupFolderSet = true
  }
}, cp)
await measure('rotate the data key, with the automatic backup before it', () => call('vault.rotateKey', { passphrase }), cp)
const next = `${passphrase} again`
let current = passphrase
await measure('change passphrase (2 Argon2id runs)', async () => {
  await call('vault.changePassphrase', { current, next: current === passphrase ? next : passphrase })
  current = current === passphrase ? next : passphrase
})
await measure('restore (check, extract, swap, unlock)', () => call('backup.restore', { source: { name: latest() }, unlock: { passphrase } }), cp)
// The restored vault is the backup's, made before the passphrase changed: it opens with the first one.
current = passphrase
/**
 * The vault as Between at schema 80 left it: what migrations 0090–0150 add goes (0090 rebuilds
 * the search index whatever state it is in), so the next unlock runs them again, 0090's full
 * rebuild of the index included, in its worker. Without the automatic backup before it.
 */
const backToSchema80 = (): void => {
  core.vault.db().exec(`
    DROP TABLE search_terms; DROP TABLE pending_exports; DROP TABLE starter_answers; DROP TABLE sync_meta;
    DROP TABLE import_run_undo; DROP TABLE import_runs; DROP TRIGGER sessions_search_insert; DROP TRIGGER sessions_search_update;
    ALTER TABLE sessions DROP COLUMN title; ALTER TABLE sessions DROP COLUMN location;
    ALTER TABLE sync_texts DROP COLUMN base; DROP TABLE sync_join_base;
    PRAGMA user_version = 80;`)
  core.lock('manual')
  backupFolderSet = false
}
await measure('unlock, nothing to update (KDF included; the control for the next)', () => call('vault.unlock', { passphrase: current }), undefined, () => core.lock('manual'))
await measure(
  'first unlock after an update (migrations 0090-0150 rerun in a worker, KDF included)',
  async () => {
    try {
      await call('vault.unlock', { passphrase: current })
    } finally {
      backupFolderSet = true
    }
  },
  undefined,
  backToSchema80,
)
core.close()
