import { homeworkInRange } from '../homework/homework-range'
import { join } from 'node:path'
import type { z } from 'zod'
import type { ExportResult, jsonExportInput, rangedExportInput } from '../../../shared/ipc/schemas/export'
import { CoreError } from '../errors'
import type { FileDialogs, Logger, PdfRenderer } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { buildExportDocument, serializeExport } from './export-json'
import * as repo from './export.repo'
import { markdownDocument, markdownFiles, type MarkdownSource } from './markdown'
import { reportHtml } from './report-html'
import { createFreshFolder, writeFileAtomic, writeNewFile } from './write-export'
import { dayInZone } from './zoned-time'

export interface ExportPorts {
  dialogs: FileDialogs
  pdf: PdfRenderer
  logger: Logger
}

type RangedInput = z.output<typeof rangedExportInput>

/** Without a renderer (tests that do not need one), a PDF export fails plainly. */
export const noPdfRenderer: PdfRenderer = {
  render: async () => {
    throw new CoreError('INTERNAL', { cause: { code: 'NO_PDF_RENDERER' } })
  },
}

const cancelled: ExportResult = { status: 'cancelled' }

export function createExportService(ctx: ServiceContext, ports: ExportPorts) {
  const today = (zone = 'UTC') => dayInZone(ctx.clock.now(), zone)

  const rangedSource = (input: RangedInput): MarkdownSource => {
    const db = ctx.db()
    const range = { from: input.from, to: input.to }
    return db.transaction(() => ({
      sessions: repo.allSessions(db, range),
      reflections: repo.allReflections(db, range),
      contacts: repo.allContacts(db, range),
      therapistNames: new Map(repo.allTherapists(db).map((therapist) => [therapist.id, therapist.name])),
      reflectionZones: repo.reflectionZones(db),
      homework: homeworkInRange(db, range),
    }))()
  }

  const options = (input: RangedInput) => ({ timeZone: input.timeZone, locale: input.locale })

  return {
    /** Everything as versioned JSON. */
    async json(_input: z.output<typeof jsonExportInput>): Promise<ExportResult> {
      ctx.db() // VAULT_LOCKED before any dialog opens
      const path = await ports.dialogs.chooseSavePath('json-export', `between-export-${today()}.json`)
      if (path === null) return cancelled
      const document = buildExportDocument(ctx.db(), ctx.clock.now(), ports.logger)
      const name = writeFileAtomic(path, serializeExport(document))
      const d = document.data
      const items =
        d.therapists.length + d.sessions.length + d.reflections.length + d.drafts.length + d.talkingPoints.length +
        d.contacts.length + d.absences.length + d.rules.length + (d.crisisPlan ? 1 : 0)
      return { status: 'written', name, files: 1, items }
    },

    /** One Markdown file per session and reflection, in a new subfolder of the chosen folder. */
    async markdownFolder(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const parent = await ports.dialogs.chooseFolder('markdown-folder')
      if (parent === null) return cancelled
      const source = rangedSource(input)
      const files = markdownFiles(source, options(input))
      const folder = createFreshFolder(parent, `Between export ${today(input.timeZone)}`)
      for (const file of files) writeNewFile(join(folder, file.name), file.content)
      return { status: 'written', name: folder.slice(parent.length).replace(/^[\\/]+/, ''), files: files.length, items: files.length }
    },

    /** One Markdown document for the range. */
    async markdownDocument(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const path = await ports.dialogs.chooseSavePath('markdown-export', `between-${today(input.timeZone)}.md`)
      if (path === null) return cancelled
      const source = rangedSource(input)
      const text = markdownDocument(source, input, options(input), ctx.clock.now())
      const name = writeFileAtomic(path, text)
      return { status: 'written', name, files: 1, items: source.sessions.length + source.reflections.length + source.contacts.length }
    },

    /** A PDF report for the range, rendered from a self-contained HTML document. */
    async pdf(input: RangedInput): Promise<ExportResult> {
      ctx.db()
      const path = await ports.dialogs.chooseSavePath('pdf-export', `between-report-${today(input.timeZone)}.pdf`)
      if (path === null) return cancelled
      const source = rangedSource(input)
      const html = reportHtml(source, input, options(input), ctx.clock.now())
      let bytes: Uint8Array
      try {
        bytes = await ports.pdf.render(html)
      } catch (error) {
        if (error instanceof CoreError) throw error
        ports.logger.error('export.pdf_render_failed', { errorName: error instanceof Error ? error.name : typeof error })
        throw new CoreError('INTERNAL', { cause: { code: 'PDF_RENDER_FAILED' } })
      }
      const name = writeFileAtomic(path, bytes)
      return { status: 'written', name, files: 1, items: source.sessions.length + source.reflections.length + source.contacts.length }
    },
  }
}

export type ExportService = ReturnType<typeof createExportService>
