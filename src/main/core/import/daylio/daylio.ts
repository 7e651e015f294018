/**
 * Daylio's CSV backup export to reflections, pure. Each row is one entry: a local date and
 * time (no zone: read in the person's zone), a mood by name (Daylio's five defaults, translated,
 * or the person's own), activities separated by " | " (they become tags), and an optional note
 * with a title (it becomes the reflection's text; Daylio writes line breaks as <br>).
 *
 * Rows have no ID, so an entry's identity is a digest of its date, time, mood, activities and
 * note: importing the same backup again adds nothing.
 */
import { createHash } from 'node:crypto'
import { TZDate } from '@date-fns/tz'
import { inImportRange } from '../date-range'
import { ImportError } from '../import-error'
import { cleanTags } from '../tag-names'
import { parseCsv } from './csv'
import { CLOCK_TIME, findColumns, type DaylioColumns } from './daylio-columns'
import { parseDayAndMonth } from './daylio-dates'
import { htmlNoteToText } from './daylio-note'

export interface DaylioEntry {
  key: string
  line: number
  createdAt: number
  moodLabel: string
  body: string
  tags: string[]
}

export type DaylioSkipReason = 'unreadable_date' | 'outside_date_range'

export interface ParsedDaylio {
  entries: DaylioEntry[]
  skips: Array<{ line: number; reason: DaylioSkipReason }>
  /** Each mood name in the file and how many entries carry it, in order of first use. */
  moods: Map<string, number>
}

function parseTime(value: string): { hour: number; minute: number } | null {
  const match = CLOCK_TIME.exec(value.trim())
  if (!match) return null
  let hour = Number(match[1])
  const minute = Number(match[2])
  const half = match[3]?.toLowerCase()
  if (half === 'p' && hour < 12) hour += 12
  if (half === 'a' && hour === 12) hour = 0
  return hour < 24 && minute < 60 ? { hour, minute } : null
}

const cell = (fields: string[], column: number | null): string => (column === null ? '' : (fields[column] ?? '').trim())

function dateOf(fields: string[], columns: DaylioColumns): { year: number; month: number; day: number } | null {
  if (columns.year === null) {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell(fields, columns.date))
    return iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : null
  }
  const year = Number(cell(fields, columns.year))
  const dayMonth = parseDayAndMonth(cell(fields, columns.date))
  return Number.isInteger(year) && year > 0 && dayMonth ? { year, ...dayMonth } : null
}

export function readDaylio(text: string, timeZone: string): ParsedDaylio {
  const records = parseCsv(text)
  const [header, ...rows] = records
  if (!header || rows.length === 0) {
    if (header && header.fields.some((name) => name.trim().toLowerCase() === 'full_date')) return { entries: [], skips: [], moods: new Map() }
    throw new ImportError('not_daylio', 'line 1', 'no entries under the header')
  }
  const columns = findColumns(header.fields, rows.slice(0, 50))
  const entries: DaylioEntry[] = []
  const skips: ParsedDaylio['skips'] = []
  const moods = new Map<string, number>()

  for (const row of rows) {
    const date = dateOf(row.fields, columns)
    const time = parseTime(cell(row.fields, columns.time)) ?? { hour: 12, minute: 0 }
    if (!date) {
      skips.push({ line: row.line, reason: 'unreadable_date' })
      continue
    }
    const createdAt = new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, 0, timeZone).getTime()
    if (!Number.isFinite(createdAt) || !inImportRange(createdAt)) {
      skips.push({ line: row.line, reason: Number.isFinite(createdAt) ? 'outside_date_range' : 'unreadable_date' })
      continue
    }
    const moodLabel = cell(row.fields, columns.mood)
    const activities = cell(row.fields, columns.activities)
    const title = htmlNoteToText(cell(row.fields, columns.noteTitle))
    const note = htmlNoteToText(cell(row.fields, columns.note))
    const body = [title, note].filter((part) => part !== '').join('\n\n')
    const key = createHash('sha256')
      .update([cell(row.fields, columns.date), cell(row.fields, columns.time), moodLabel, activities, title, note].join('\u0000'))
      .digest('hex')
      .slice(0, 40)
    if (moodLabel !== '') moods.set(moodLabel, (moods.get(moodLabel) ?? 0) + 1)
    entries.push({ key, line: row.line, createdAt, moodLabel, body, tags: cleanTags(activities.split('|')) })
  }
  return { entries, skips, moods }
}
