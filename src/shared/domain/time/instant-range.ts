import { z } from 'zod'

/**
 * The one range of instants Between accepts, everywhere data enters (every input schema, every
 * importer, every series occurrence): 1 January 1900 00:00 UTC to 31 December 2199 23:59:59.999
 * UTC, as epoch milliseconds. Every reader (timeline grouping, mood trend buckets in any zone)
 * handles the whole range. Instants outside it are refused with INVALID_INPUT or INVALID_IMPORT.
 */
export const INSTANT_MIN = Date.UTC(1900, 0, 1)
export const INSTANT_MAX = Date.UTC(2200, 0, 1) - 1

/** How far a bucket start (local midnight, start of a week or month) may fall before INSTANT_MIN. */
export const BUCKET_MARGIN_MS = 32 * 24 * 60 * 60_000

export const isInstantInRange = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isInteger(ms) && ms >= INSTANT_MIN && ms <= INSTANT_MAX

/** Words for errors and docs. */
export const INSTANT_RANGE_TEXT = 'between 1 January 1900 and 31 December 2199 (UTC)'

/** THE schema building block for an instant: every input schema and importer uses it. */
export const instantSchema = z
  .number()
  .int()
  .min(INSTANT_MIN, `must be ${INSTANT_RANGE_TEXT}`)
  .max(INSTANT_MAX, `must be ${INSTANT_RANGE_TEXT}`)

/** A calendar day as YYYY-MM-DD: a day that exists and lies, in any zone, within the instants' range. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => {
    // Zod runs this even when the pattern failed: read nothing that is not a date.
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
    if (!parts) return false
    const noon = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 12)
    // The whole day, in every zone, lies inside the range (UTC-12 to UTC+14 around noon).
    return new Date(noon).toISOString().slice(0, 10) === day && isInstantInRange(noon - 86_400_000) && isInstantInRange(noon + 86_400_000)
  }, `must be a day that exists, ${INSTANT_RANGE_TEXT}`)
