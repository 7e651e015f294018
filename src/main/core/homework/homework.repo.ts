/** SQL for the homework tools: thought records, diary card days and weeks, check-ins, templates, settings. */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Questionnaire } from '../../../shared/domain/homework/questionnaires'
import { insertRow, prepared, selectRows, type TableSpec } from '../db/table.repo'

const stamps = { createdAt: ['created_at', 'plain'], updatedAt: ['updated_at', 'plain'] } as const

export const thoughtRecordsTable: TableSpec = {
  table: 'thought_records',
  fields: {
    id: ['id', 'plain'],
    happenedAt: ['happened_at', 'plain'],
    situation: ['situation', 'plain'],
    emotions: ['emotions', 'json'],
    thoughts: ['thoughts', 'json'],
    evidenceFor: ['evidence_for', 'plain'],
    evidenceAgainst: ['evidence_against', 'plain'],
    balancedThought: ['balanced_thought', 'plain'],
    balancedBelief: ['balanced_belief', 'plain'],
    bringToSession: ['bring_to_session', 'bool'],
    ...stamps,
  },
}

export const diaryDaysTable: TableSpec = {
  table: 'diary_card_days',
  fields: {
    id: ['id', 'plain'],
    day: ['day', 'plain'],
    at: ['at', 'plain'],
    timeZone: ['time_zone', 'plain'],
    emotions: ['emotions', 'json'],
    urges: ['urges', 'json'],
    behaviours: ['behaviours', 'json'],
    skills: ['skills', 'json'],
    note: ['note', 'plain'],
    ...stamps,
  },
}

export const checkInsTable: TableSpec = {
  table: 'check_ins',
  fields: {
    id: ['id', 'plain'],
    questionnaire: ['questionnaire', 'plain'],
    answers: ['answers', 'json'],
    score: ['score', 'plain'],
    takenAt: ['taken_at', 'plain'],
    note: ['note', 'plain'],
    ...stamps,
  },
}

export const templatesTable: TableSpec = {
  table: 'reflection_templates',
  fields: { id: ['id', 'plain'], title: ['title', 'plain'], body: ['body', 'plain'], ...stamps },
}

export const listThoughtRecords = (db: Database.Database, filter: { limit: number; before: number | null }) =>
  selectRows(db, thoughtRecordsTable, {
    where: filter.before === null ? [] : ['happened_at < @before'],
    params: filter,
    orderBy: 'happened_at DESC, id DESC',
    limit: filter.limit,
  })

export const listCheckIns = (db: Database.Database, filter: { questionnaire: Questionnaire | null; limit: number }) =>
  selectRows(db, checkInsTable, {
    where: filter.questionnaire === null ? [] : ['questionnaire = @questionnaire'],
    params: filter,
    orderBy: 'taken_at DESC, id DESC',
    limit: filter.limit,
  })

export const listTemplates = (db: Database.Database) => selectRows(db, templatesTable, { orderBy: 'title COLLATE NOCASE, id' })

/** Diary days from `from` to `to` (YYYY-MM-DD, both inclusive), in day order. */
export const diaryDaysBetween = (db: Database.Database, from: string, to: string) =>
  selectRows(db, diaryDaysTable, { where: ['day >= @from', 'day <= @to'], params: { from, to }, orderBy: 'day' })

export const diaryDayId = (db: Database.Database, day: string): string | undefined =>
  prepared(db, 'SELECT id FROM diary_card_days WHERE day = ?').pluck().get(day) as string | undefined

export const isWeekMarked = (db: Database.Database, weekStart: string): boolean =>
  prepared(db, 'SELECT 1 FROM diary_card_weeks WHERE week_start = ?').pluck().get(weekStart) === 1

export function setWeekMarked(db: Database.Database, weekStart: string, marked: boolean, now: number): void {
  if (marked) prepared(db, 'INSERT OR IGNORE INTO diary_card_weeks (week_start, marked_at) VALUES (?, ?)').run(weekStart, now)
  else prepared(db, 'DELETE FROM diary_card_weeks WHERE week_start = ?').run(weekStart)
}

export const markedWeeks = (db: Database.Database) =>
  prepared(db, 'SELECT week_start AS weekStart, marked_at AS markedAt FROM diary_card_weeks ORDER BY week_start').all() as Array<{
    weekStart: string
    markedAt: number
  }>

export const readHomeworkSettings = (db: Database.Database): string | undefined =>
  prepared(db, 'SELECT settings FROM homework_settings WHERE id = 1').pluck().get() as string | undefined

export function writeHomeworkSettings(db: Database.Database, settings: string, now: number): void {
  prepared(
    db,
    'INSERT INTO homework_settings (id, settings, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at',
  ).run(settings, now)
}

/** The latest check-in of a questionnaire taken before `before` (null: the latest of all). */
export const latestCheckIn = (db: Database.Database, questionnaire: Questionnaire, before: number | null) =>
  prepared(
    db,
    `SELECT * FROM check_ins WHERE questionnaire = @questionnaire AND (@before IS NULL OR taken_at < @before)
      ORDER BY taken_at DESC, id DESC LIMIT 1`,
  ).get({ questionnaire, before }) as Record<string, unknown> | undefined

/** Thought records marked for the session, written since `since` (null: ever), oldest first. */
export const markedThoughtRecords = (db: Database.Database, since: number | null) =>
  selectRows(db, thoughtRecordsTable, {
    where: ['bring_to_session = 1', '(@since IS NULL OR happened_at >= @since)'],
    params: { since },
    orderBy: 'happened_at, id',
  })

/** Every row of a homework table in ID order, for the export. */
export const allRowsOf = (db: Database.Database, spec: TableSpec) => selectRows(db, spec, { orderBy: 'id' })

/** An exported item back in its table, IDs and times as they were. */
export const insertExported = (db: Database.Database, spec: TableSpec, dto: object): void => insertRow(db, spec, dto as Record<string, unknown>)

export const rowExists = (db: Database.Database, spec: TableSpec, id: string): boolean =>
  prepared(db, `SELECT 1 FROM ${spec.table} WHERE id = ?`).get(id) !== undefined

/** Rows of a homework table whose time column falls in [from, to), oldest first. */
export const rowsInRange = (db: Database.Database, spec: TableSpec, column: string, range: { from: number | null; to: number | null }) =>
  selectRows(db, spec, {
    where: ['(@from IS NULL OR ' + column + ' >= @from)', '(@to IS NULL OR ' + column + ' < @to)'],
    params: range,
    orderBy: `${column}, id`,
  })

/** The start of the latest session that has begun (attended or still to be reviewed). */
export const lastSessionStart = (db: Database.Database, now: number): number | null =>
  (prepared(db, "SELECT max(starts_at) FROM sessions WHERE starts_at <= ? AND status IN ('attended', 'scheduled')").pluck().get(now) as number | null) ?? null
