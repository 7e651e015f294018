/**
 * The exports' heavy part, as job tasks (they run in a worker thread on its own connection):
 * read the records in one transaction, build the document, write it where the dialog said.
 * The PDF report's HTML is built and written here too; turning it into PDF bytes is the PdfRenderer's job.
 */
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { z } from 'zod'
import type { ExportResult, rangedExportInput } from '../../../shared/ipc/schemas/export'
import { homeworkInRange } from '../homework/homework-range'
import type { JobContext, JobTask } from '../jobs/job-context'
import { writeExportJson } from './export-json'
import * as repo from './export.repo'
import { datedStream, markdownFiles, writeMarkdownDocument, type MarkdownSource } from './markdown'
import { writeReportHtml } from './report-html'
import { writeNewFile, writeNewFileStreamed, writeStreamAtomic, type ExportTarget } from './write-export'

export type RangedInput = z.output<typeof rangedExportInput>
type Written = Extract<ExportResult, { status: 'written' }>

const therapistNames = (db: Database.Database): Map<string, string> => new Map(repo.allTherapists(db).map((therapist) => [therapist.id, therapist.name]))

function rangedSource(job: JobContext, input: RangedInput): MarkdownSource {
  const db = job.db()
  job.progress('reading', 0, 1)
  const range = { from: input.from, to: input.to }
  const source = db.transaction(() => ({
    sessions: repo.allSessions(db, range),
    reflections: repo.allReflections(db, range),
    contacts: repo.allContacts(db, range),
    therapistNames: therapistNames(db),
    reflectionZones: repo.reflectionZones(db),
    homework: homeworkInRange(db, range),
  }))()
  job.progress('reading', 1, 1)
  return source
}

/**
 * A streamed export reads each page of the database once, in order: SQLite's page cache (16 MB
 * by default here, filled as it reads) would only hold pages never read again. A small one for
 * the task, as it was after.
 */
function withSmallPageCache<T>(db: Database.Database, task: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = ${STREAMING_CACHE_KIB}`)
  try {
    return task()
  } finally {
    db.pragma(`cache_size = ${before}`)
  }
}
const STREAMING_CACHE_KIB = -2048

const optionsOf = (input: RangedInput) => ({ timeZone: input.timeZone, locale: input.locale })

export const exportJson: JobTask<{ target: ExportTarget; now: number }, Written> = (job, { target, now }) => {
  job.progress('reading', 0, 1)
  let items = 0
  const db = job.db()
  const name = withSmallPageCache(db, () =>
    writeStreamAtomic(target, (write) => {
      items = writeExportJson(db, now, write, (done, total) => job.progress('writing', done, total), job.logger)
    }),
  )
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

/**
 * In the caller's transaction: the range's sessions, contacts and the rest in memory (they are
 * few), its reflections read a page at a time as `items` is walked, in datedItems' order, with
 * progress as they pass.
 */
function streamedRange(job: JobContext, db: Database.Database, range: repo.TimeRange) {
  const others = {
    sessions: repo.allSessions(db, range),
    contacts: repo.allContacts(db, range),
    therapistNames: therapistNames(db),
    reflectionZones: repo.reflectionZones(db),
    homework: homeworkInRange(db, range),
  }
  const counts = { sessions: others.sessions.length, reflections: repo.countOf(db, 'reflections', range), contacts: others.contacts.length }
  const total = counts.sessions + counts.reflections + counts.contacts
  let done = counts.sessions + counts.contacts
  const pages = function* () {
    for (const page of repo.reflectionPages(db, range)) {
      yield page
      done += page.length
      job.progress('writing', done, total)
    }
  }
  return { others, counts, total, items: datedStream(others, pages()) }
}

/** Streamed: the reflections are read a page at a time and written as they come. */
export const exportMarkdownDocument: JobTask<{ target: ExportTarget; input: RangedInput; now: number }, Written> = (job, { target, input, now }) => {
  const db = job.db()
  let items = 0
  const name = withSmallPageCache(db, () => writeStreamAtomic(target, (write) => {
    items = db.transaction(() => {
      const range = streamedRange(job, db, { from: input.from, to: input.to })
      return writeMarkdownDocument(range.items, range.others, input, optionsOf(input), now, write)
    })()
  }))
  return { status: 'written', name, files: 1, items }
}

/**
 * The report's HTML, written to a private working file beside the PDF's path (`file`): the
 * PdfRenderer prints it from there, so tens of MB never cross into the main process as one
 * message. Streamed like the Markdown document: the range is never in memory whole.
 */
export const exportReportHtml: JobTask<{ file: string; input: RangedInput; now: number }, { items: number }> = (job, { file, input, now }) => {
  const db = job.db()
  let items = 0
  withSmallPageCache(db, () => writeNewFileStreamed(file, (write) => {
    db.transaction(() => {
      const range = streamedRange(job, db, { from: input.from, to: input.to })
      items = range.total
      writeReportHtml(range.items, range.others, range.counts, input, optionsOf(input), now, write)
    })()
  }))
  return { items }
}
