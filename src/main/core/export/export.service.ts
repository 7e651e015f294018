/**
 * Exports: the person picks where in an OS dialog; the reading and writing run as jobs in a
 * worker thread (export-tasks.ts) with progress and cancel. A cancelled export leaves no file:
 * a single file is written to a remembered working file beside its target and renamed at the end
 * (pending-partials.ts: also after a crash), a folder export's new subfolder is removed.
 */
import { rmSync } from 'node:fs'
import { basename } from 'node:path'
import type { z } from 'zod'
import type { ExportResult, jsonExportInput } from '../../../shared/ipc/schemas/export'
import { CoreError } from '../errors'
import { transferableKey } from '../jobs/job-protocol'
import type { JobRunner } from '../jobs/job-runner'
import type { JobName, JobOutput } from '../jobs/job-tasks'
import type { FileDialogs, JobRequest, Logger, PdfRenderer } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import type { VaultService } from '../vault/vault.service'
import type { RangedInput } from './export-tasks'
import type { PendingPartials } from './pending-partials'
import { createFreshFolder, writeBytesAtomic } from './write-export'
import { dayInZone } from './zoned-time'

export interface ExportPorts {
  dialogs: FileDialogs
  pdf: PdfRenderer
  logger: Logger
  jobs: JobRunner
  vault: Pick<VaultService, 'copyDataKey' | 'paths'>
  partials: PendingPartials
}

/** Without a renderer (tests that do not need one), a PDF export fails plainly. */
const noRenderer = async (): Promise<never> => {
  throw new CoreError('INTERNAL', { cause: { code: 'NO_PDF_RENDERER' } })
}
export const noPdfRenderer: PdfRenderer = { render: noRenderer, renderFile: noRenderer }

const cancelled: ExportResult = { status: 'cancelled' }

export function createExportService(ctx: ServiceContext, ports: ExportPorts) {
  const today = (zone = 'UTC') => dayInZone(ctx.clock.now(), zone)

  const render = async (file: string): Promise<Uint8Array> => {
    try {
      return await ports.pdf.renderFile(file)
    } catch (error) {
      if (error instanceof CoreError) throw error
      ports.logger.error('export.pdf_render_failed', { errorName: error instanceof Error ? error.name : typeof error })
      throw new CoreError('INTERNAL', { cause: { code: 'PDF_RENDER_FAILED' } })
    }
  }

  /** A task on the worker's own connection to the vault. Null: cancelled. */
  const runExport = async <N extends JobName>(name: N, input: JobRequest<N>['input']): Promise<JobOutput<N> | null> => {
    const key = transferableKey(ports.vault.copyDataKey())
    const run = await ports.jobs.run('export', { name, input, database: ports.vault.paths.database, key })
    return run.status === 'done' ? run.output : null
  }

  return {
    /** Everything as versioned JSON. */
    async json(_input: z.output<typeof jsonExportInput>): Promise<ExportResult> {
      ctx.db() // VAULT_LOCKED before any dialog opens
      const path = await ports.dialogs.chooseSavePath('json-export', `between-export-${today()}.json`)
      if (path === null) return cancelled
      return (await ports.partials.around(path, (partial) => runExport('export.json', { target: { path, partial }, now: ctx.clock.now() }))) ?? cancelled
    },

    /** One Markdown file per session, reflection and homework item, in a new subfolder of the chosen folder. */
    async markdownFolder(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const parent = await ports.dialogs.chooseFolder('markdown-folder')
      if (parent === null) return cancelled
      const folder = createFreshFolder(parent, `Between export ${today(input.timeZone)}`)
      const written = await runExport('export.markdownFolder', { folder, input })
      if (written === null) {
        rmSync(folder, { recursive: true, force: true }) // cancelled part way: the new subfolder goes
        return cancelled
      }
      return { status: 'written', name: basename(folder), files: written.files, items: written.files }
    },

    /** One Markdown document for the range. */
    async markdownDocument(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const path = await ports.dialogs.chooseSavePath('markdown-export', `between-${today(input.timeZone)}.md`)
      if (path === null) return cancelled
      return (await ports.partials.around(path, (partial) => runExport('export.markdownDocument', { target: { path, partial }, input, now: ctx.clock.now() }))) ?? cancelled
    },

    /** A PDF report for the range, printed from a self-contained HTML document a worker wrote beside it. */
    async pdf(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const path = await ports.dialogs.chooseSavePath('pdf-export', `between-report-${today(input.timeZone)}.pdf`)
      if (path === null) return cancelled
      const printed = await ports.partials.around(path, async (file) => {
        const report = await runExport('export.reportHtml', { file, input, now: ctx.clock.now() })
        return report === null ? null : { items: report.items, bytes: await render(file) }
      })
      if (printed === null) return cancelled
      const name = await ports.partials.around(path, (partial) => writeBytesAtomic({ path, partial }, printed.bytes))
      return { status: 'written', name, files: 1, items: printed.items }
    },
  }
}

export type ExportService = ReturnType<typeof createExportService>
