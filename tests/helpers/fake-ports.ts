import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { FileDialogs, FolderKind, Notifier, OpenKind, PdfRenderer, SaveKind, SetTimer } from '../../src/main/core/ports'
import type { ReminderKind } from '../../src/shared/domain/vocabulary'

export interface FakeDialogs extends FileDialogs {
  /** What the next call of each kind returns (null = cancel). */
  answers: { save: string | null; open: string | null; folder: string | null }
  calls: Array<{ method: 'save' | 'open' | 'folder'; kind: SaveKind | OpenKind | FolderKind; suggestedName?: string }>
}

export function fakeDialogs(answers: Partial<FakeDialogs['answers']> = {}): FakeDialogs {
  const dialogs: FakeDialogs = {
    answers: { save: null, open: null, folder: null, ...answers },
    calls: [],
    async chooseSavePath(kind, suggestedName) {
      dialogs.calls.push({ method: 'save', kind, suggestedName })
      return dialogs.answers.save
    },
    async chooseOpenPath(kind) {
      dialogs.calls.push({ method: 'open', kind })
      return dialogs.answers.open
    },
    async chooseFolder(kind) {
      dialogs.calls.push({ method: 'folder', kind })
      return dialogs.answers.folder
    },
  }
  return dialogs
}

export interface FakeNotifier extends Notifier {
  shown: ReminderKind[]
}

export function fakeNotifier(): FakeNotifier {
  const shown: ReminderKind[] = []
  return { shown, show: (kind) => void shown.push(kind) }
}

/** Timers driven by hand: run(ms) advances the fake clock and fires what is due, in order. */
export interface FakeTimers {
  setTimer: SetTimer
  pending(): Array<{ at: number }>
  /** Moves time forward by ms (through `advance`), firing every timer that falls due. */
  run(ms: number): Promise<void>
}

export function fakeTimers(clock: { now(): number; set(ms: number): void }): FakeTimers {
  let timers: Array<{ at: number; callback: () => void; id: number }> = []
  let nextId = 0
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve))
  return {
    setTimer(callback, ms) {
      const id = nextId++
      timers.push({ at: clock.now() + Math.max(0, ms), callback, id })
      return { cancel: () => void (timers = timers.filter((t) => t.id !== id)) }
    },
    pending: () => timers.map(({ at }) => ({ at })),
    async run(ms) {
      const end = clock.now() + ms
      for (;;) {
        await settle()
        timers.sort((a, b) => a.at - b.at || a.id - b.id)
        const next = timers[0]
        if (!next || next.at > end) break
        timers = timers.slice(1)
        clock.set(Math.max(clock.now(), next.at))
        // A callback that starts async work (a backup in a worker) returns its promise: wait for it.
        await (next.callback() as unknown)
      }
      clock.set(end)
      await settle()
    },
  }
}

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Why PDF tests cannot run here, or null when they can. */
export const pdfSkipReason = (): string | null => (existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`)

/**
 * The test PdfRenderer: Debian's Chromium through playwright-core, page.setContent + page.pdf.
 * Every network request is aborted and counted, so a test can prove the report loads nothing.
 */
export async function chromiumPdfRenderer(): Promise<PdfRenderer & { requests: string[]; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const requests: string[] = []
  const renderer: PdfRenderer & { requests: string[]; close(): Promise<void> } = {
    requests,
    renderFile: async (path) => renderer.render(await readFile(path, 'utf8')),
    async render(html) {
      const context = await browser.newContext({ javaScriptEnabled: false })
      try {
        await context.route('**/*', (route) => {
          requests.push(route.request().url())
          return route.abort()
        })
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
      } finally {
        await context.close()
      }
    },
    close: () => browser.close(),
  }
  return renderer
}
