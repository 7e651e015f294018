/**
 * The exports' heavy part, as job tasks (they run in a worker thread on its own connection):
 * read the records in one transaction, build the document, write it where the dialog said.
 * The PDF report's HTML is built here too; turning it into PDF bytes is the PdfRenderer's job.
 */
import { join } from 'node:path'
import type { z } from 'zod'
import type { ExportResult, rangedExportInput } from '../../../shared/ipc/schemas/export'
import { homeworkInRange } from '../homework/homework-range'
import type { JobContext, JobTask } from '../jobs/job-context'
import { buildExportDocument, serializeExport } from './export-json'
import * as repo from './export.repo'
import { markdownDocument, markdownFiles, type MarkdownSource } from './markdown'
import { reportHtml } from './report-html'
import { writeFileAtomic, writeNewFile } from './write-export'

export type RangedInput = z.output<typeof rangedExportInput>
type Written = Extract<ExportResult, { status: 'written' }>

function rangedSource(job: JobContext, input: RangedInput): MarkdownSource {
  const db = job.db()
  job.progress('reading', 0, 1)
  const range = { from: input.from, to: input.to }
  const source = db.transaction(() => ({
    sessions: repo.allSessions(db, range),
    reflections: repo.allReflections(db, range),
    contacts: repo.allContacts(db, range),
    therapistNames: new Map(repo.allTherapists(db).map((therapist) => [therapist.id, therapist.name])),
    reflectionZones: repo.reflectionZones(db),
    homework: homeworkInRange(db, range),
  }))()
  job.progress('reading', 1, 1)
  return source
}

const itemsOf = (source: MarkdownSource): number => source.sessions.length + source.reflections.length + source.contacts.length
const optionsOf = (input: RangedInput) => ({ timeZone: input.timeZone, locale: input.locale })

export const exportJson: JobTask<{ path: string; now: number }, Written> = (job, { path, now }) => {
  job.progress('reading', 0, 1)
  const document = buildExportDocument(job.db(), now, job.logger)
  job.progress('writing', 0, 1)
  const name = writeFileAtomic(path, serializeExport(document))
  const d = document.data
  const items =
    d.therapists.length + d.sessions.length + d.reflections.length + d.drafts.length + d.talkingPoints.length +
    d.contacts.length + d.absences.length + d.rules.length + (d.crisisPlan ? 1 : 0)
  return { status: 'written', name, files: 1, items }
}

/** Into `folder`, new and empty (the caller made it, and removes it if the job is cancelled). */
export const exportMarkdownFolder: JobTask<{ folder: string; input: RangedInput }, { files: number }> = (job, { folder, input }) => {
  const files = markdownFiles(rangedSource(job, input), optionsOf(input))
  files.forEach((file, index) => {
    writeNewFile(join(folder, file.name), file.content)
    job.progress('writing', index + 1, files.length)
  })
  return { files: files.length }
}

export const exportMarkdownDocument: JobTask<{ path: string; input: RangedInput; now: number }, Written> = (job, { path, input, now }) => {
  const source = rangedSource(job, input)
  const text = markdownDocument(source, input, optionsOf(input), now)
  job.progress('writing', 0, 1)
  return { status: 'written', name: writeFileAtomic(path, text), files: 1, items: itemsOf(source) }
}

export const reportHtmlOf: JobTask<{ input: RangedInput; now: number }, { html: string; items: number }> = (job, { input, now }) => {
  const source = rangedSource(job, input)
  return { html: reportHtml(source, input, optionsOf(input), now), items: itemsOf(source) }
}
