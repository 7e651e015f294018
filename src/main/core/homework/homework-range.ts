import type Database from 'better-sqlite3-multiple-ciphers'
import type { CheckIn, DiaryDay, ThoughtRecord } from '../../../shared/ipc/schemas/homework'
import { fromRow } from '../db/table.repo'
import { withBand } from './check-ins.service'
import { homeworkBlocks, type HomeworkBlock } from './homework-blocks'
import * as repo from './homework.repo'

/** The homework written in a date range, as blocks for the Markdown document and the report. */
export function homeworkInRange(db: Database.Database, range: { from: number | null; to: number | null }): HomeworkBlock[] {
  return homeworkBlocks({
    thoughtRecords: repo.rowsInRange(db, repo.thoughtRecordsTable, 'happened_at', range).map((row) => fromRow<ThoughtRecord>(repo.thoughtRecordsTable, row)),
    diaryDays: repo.rowsInRange(db, repo.diaryDaysTable, 'at', range).map((row) => fromRow<DiaryDay>(repo.diaryDaysTable, row)),
    checkIns: repo
      .rowsInRange(db, repo.checkInsTable, 'taken_at', range)
      .map((row) => withBand(fromRow<Omit<CheckIn, 'band'>>(repo.checkInsTable, row))),
  })
}
