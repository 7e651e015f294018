import { betweenJsonImportInput, calendarImportInput, dayOneImportInput, importResultSchema } from '../schemas/import'
import { channel } from './channel'

/**
 * Imports: the core asks the OS open dialog for the file. All-or-nothing: a file with any
 * problem fails with INVALID_IMPORT (what is wrong, and where: a field path or a line) and
 * changes nothing. Files over 50 MB are refused.
 */
export const importContract = {
  /** Between's own JSON export; items already in the vault are skipped. */
  'import.betweenJson': channel(betweenJsonImportInput, importResultSchema),
  /** A Day One JSON export: entries become reflections, with dates, tags and zones. */
  'import.dayOne': channel(dayOneImportInput, importResultSchema),
  /** A calendar (.ics): appointments become sessions; re-importing updates, never duplicates. */
  'import.calendar': channel(calendarImportInput, importResultSchema),
} as const
