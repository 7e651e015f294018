/**
 * The homework part of Between's JSON export and its import. Kept in its own section of the
 * document (`data.homework`), optional so exports from before it still import.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import { QUESTIONNAIRES } from '../../../shared/domain/homework/questionnaires'
import { instantSchema } from '../../../shared/ipc/schemas/common'
import {
  checkInSchema,
  daySchema,
  diaryDaySchema,
  homeworkSettingsSchema,
  templateSchema,
  thoughtRecordSchema,
} from '../../../shared/ipc/schemas/homework'
import { fromRow, type TableSpec } from '../db/table.repo'
import { withBand } from './check-ins.service'
import * as repo from './homework.repo'

const many = <T extends z.ZodType>(item: T) => z.array(item).max(1_000_000)

export const homeworkExportSchema = z.strictObject({
  thoughtRecords: many(thoughtRecordSchema),
  diaryDays: many(diaryDaySchema),
  markedWeeks: many(z.strictObject({ weekStart: daySchema, markedAt: instantSchema })),
  checkIns: many(checkInSchema.extend({ questionnaire: z.enum(QUESTIONNAIRES) })),
  templates: many(templateSchema),
  settings: homeworkSettingsSchema.nullable(),
})
export type HomeworkExport = z.infer<typeof homeworkExportSchema>

const rowsOf = <T>(db: Database.Database, spec: TableSpec) => repo.allRowsOf(db, spec).map((row) => fromRow<T>(spec, row))

/** Every homework item, in ID order (the same vault gives the same bytes). */
export function exportHomework(db: Database.Database): HomeworkExport {
  const settings = repo.readHomeworkSettings(db)
  return {
    thoughtRecords: rowsOf(db, repo.thoughtRecordsTable),
    diaryDays: rowsOf(db, repo.diaryDaysTable),
    markedWeeks: repo.markedWeeks(db),
    checkIns: rowsOf<Omit<z.infer<typeof checkInSchema>, 'band'>>(db, repo.checkInsTable).map(withBand),
    templates: rowsOf(db, repo.templatesTable),
    settings: settings === undefined ? null : homeworkSettingsSchema.parse(JSON.parse(settings)),
  }
}

/**
 * Inserts what is not in the vault yet (IDs kept; a diary day already written for that date is
 * kept as it is). Runs inside the import's transaction. Returns [created, skipped].
 */
export function importHomework(db: Database.Database, data: HomeworkExport, now: number): [number, number] {
  let created = 0
  let skipped = 0
  const each = <T extends { id: string }>(spec: TableSpec, items: T[], extra: (item: T) => boolean = () => false) => {
    for (const item of items) {
      if (repo.rowExists(db, spec, item.id) || extra(item)) skipped++
      else {
        repo.insertExported(db, spec, item)
        created++
      }
    }
  }
  each(repo.thoughtRecordsTable, data.thoughtRecords)
  each(repo.diaryDaysTable, data.diaryDays, (day) => repo.diaryDayId(db, day.day) !== undefined)
  // The band is derived from the score and has no column: the table spec leaves it out.
  each(repo.checkInsTable, data.checkIns)
  each(repo.templatesTable, data.templates)
  for (const week of data.markedWeeks) repo.setWeekMarked(db, week.weekStart, true, week.markedAt)
  if (data.settings) {
    if (repo.readHomeworkSettings(db) === undefined) repo.writeHomeworkSettings(db, JSON.stringify(data.settings), now)
    else skipped++
  }
  return [created, skipped]
}
