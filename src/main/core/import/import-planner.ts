/**
 * From a chosen file's bytes and the person's choices to a plan, for each kind of import.
 * Reads the vault only to compare (what was imported before); writes nothing.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { ImportOptions } from '../../../shared/ipc/schemas/import'
import { parseBetweenExport } from './between-json'
import { checkExportDates, planBetweenJson } from './between-json-plan'
import { readCalendar } from './calendar/calendar'
import { calendarWindow, planCalendar } from './calendar/calendar-plan'
import { readDaylio } from './daylio/daylio'
import { emptyDayOne, parseDayOneJournal, type ParsedDayOne } from './day-one'
import { ImportError } from './import-error'
import type { ImportPlan } from './import-plan'
import { lookupsFor } from './import.repo'
import { planDaylio, planDayOne } from './journal-plan'
import { decodeImportText, isZip, parseJsonWithLocation } from './read-import-file'
import { zipEntries } from './zip-entries'

const MEDIA_FOLDER = /(^|\/)(photos|videos|audios|pdfs|__MACOSX)\//i

/** A Day One export: one JSON file, or a zip with one JSON file per journal. */
export function readDayOne(bytes: Buffer, maxBytes: number): ParsedDayOne {
  const parsed = emptyDayOne()
  if (!isZip(bytes)) {
    parseDayOneJournal(parseJsonWithLocation(decodeImportText(bytes)), null, parsed)
    return parsed
  }
  const { entries } = zipEntries(bytes, (name) => name.toLowerCase().endsWith('.json') && !MEDIA_FOLDER.test(name), maxBytes * 4)
  if (entries.length === 0) throw new ImportError('not_day_one', 'zip', 'no journal (JSON) file inside')
  const several = entries.length > 1
  for (const entry of entries) {
    let json: unknown
    try {
      json = parseJsonWithLocation(decodeImportText(entry.bytes))
    } catch (error) {
      if (error instanceof ImportError) throw new ImportError(error.problem, `${entry.name}${error.where ? `, ${error.where}` : ''}`)
      throw error
    }
    parseDayOneJournal(json, several ? entry.name : null, parsed)
  }
  return parsed
}

export function planImport(db: Database.Database, bytes: Buffer, options: ImportOptions, now: number, maxBytes: number): ImportPlan {
  const lookups = lookupsFor(db)
  switch (options.kind) {
    case 'betweenJson': {
      const document = parseBetweenExport(parseJsonWithLocation(decodeImportText(bytes)))
      checkExportDates(document)
      return planBetweenJson(db, document, now)
    }
    case 'dayOne':
      return planDayOne(readDayOne(bytes, maxBytes), lookups)
    case 'daylio':
      return planDaylio(readDaylio(decodeImportText(bytes), options.daylio.timeZone), options.daylio.moods, options.daylio.timeZone, lookups)
    case 'calendar': {
      const calendar = options.calendar
      const parsed = readCalendar(decodeImportText(bytes), { defaultZone: calendar.timeZone, window: calendarWindow(now, calendar) })
      return planCalendar(parsed, calendar, now, lookups)
    }
  }
}
