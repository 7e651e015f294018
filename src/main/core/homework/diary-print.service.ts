import type { ExportResult } from '../../../shared/ipc/schemas/export'
import type { DiaryDay } from '../../../shared/ipc/schemas/homework'
import { CoreError } from '../errors'
import { fromRow } from '../db/table.repo'
import { escapeHtml, printableHtml } from '../export/printable-html'
import type { PendingPartials } from '../export/pending-partials'
import { writeFileAtomic } from '../export/write-export'
import { supportedLocale } from '../export/zoned-time'
import type { FileDialogs, Logger, PdfRenderer } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { addDays, isCalendarDay } from './diary-dates'
import { storedHomeworkSettings } from './diary-card.service'
import { DIARY_TABLE_STYLE, diaryWeekTable } from './diary-week-html'
import { homeworkStrings as t } from './homework.strings'
import * as repo from './homework.repo'

const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #1d1d1f; }
body { margin: 0; }
h1 { font-size: 13pt; margin: 0 0 6pt; }
${DIARY_TABLE_STYLE}`

/** The diary card week as one printable page (PDF), through the brief's print machinery. */
export function createDiaryPrintService(ctx: ServiceContext, ports: { dialogs: FileDialogs; pdf: PdfRenderer; logger: Logger; partials: PendingPartials }) {
  return {
    async printWeek(input: { weekStart: string; locale: string }): Promise<ExportResult> {
      if (!isCalendarDay(input.weekStart)) throw new CoreError('INVALID_INPUT', { field: 'weekStart' })
      const db = ctx.db() // VAULT_LOCKED before any dialog opens
      const path = await ports.dialogs.chooseSavePath('pdf-export', `between-diary-card-${input.weekStart}.pdf`)
      if (path === null) return { status: 'cancelled' }
      const locale = supportedLocale(input.locale)
      const days = repo.diaryDaysBetween(db, input.weekStart, addDays(input.weekStart, 6)).map((row) => fromRow<DiaryDay>(repo.diaryDaysTable, row))
      const from = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(Date.parse(`${input.weekStart}T12:00:00Z`))
      const title = `${t.diaryDay}: ${t.briefWeek(from)}`
      const html = printableHtml({
        locale,
        title,
        style: STYLE,
        header: `<h1>${escapeHtml(title)}</h1>`,
        main: diaryWeekTable(input.weekStart, days, storedHomeworkSettings(repo.readHomeworkSettings(db)).diaryCard, locale),
      })
      let bytes: Uint8Array
      try {
        bytes = await ports.pdf.render(html)
      } catch (error) {
        if (error instanceof CoreError) throw error
        ports.logger.error('homework.diary_pdf_failed', { errorName: error instanceof Error ? error.name : typeof error })
        throw new CoreError('INTERNAL', { cause: { code: 'PDF_RENDER_FAILED' } })
      }
      const name = await ports.partials.around(path, async (partial) => writeFileAtomic({ path, partial }, bytes))
      return { status: 'written', name, files: 1, items: days.length }
    },
  }
}
