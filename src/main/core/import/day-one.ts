/**
 * Day One's JSON export (one JSON file per journal, usually inside its export zip):
 *   { "metadata": { "version": "1.0" },
 *     "entries": [ { "uuid", "creationDate": ISO 8601 UTC, "modifiedDate", "timeZone": IANA,
 *                    "text": Markdown, "richText": JSON string, "tags": [..], "starred",
 *                    "location", "weather", "photos", "videos", "audios", "pdfAttachments" } ] }
 * Entries become reflections with their dates and tags; the zone each was written in is kept
 * in import_sources. Photo markers (![](dayone-moment://…)) are removed without leaving holes;
 * attachments are not imported but counted. Starred, place and weather are kept as a short,
 * visible block under the text (see day-one-text). An entry with only rich text is read from
 * its richText. Empty entries are listed as skipped.
 */
import { z } from 'zod'
import { inImportRange } from './date-range'
import { attachmentCount, dayOneBody, metadataLines } from './day-one-text'
import { fromZodError, ImportError } from './import-error'
import { cleanTags } from './tag-names'

const isoInstant = z.iso.datetime({ offset: true })
const optionalText = z.string().max(200_000).optional()

const entrySchema = z.object({
  uuid: z.string().trim().min(1).max(100),
  creationDate: isoInstant,
  modifiedDate: isoInstant.optional(),
  timeZone: z.string().max(100).optional(),
  text: optionalText,
  richText: z.string().max(2_000_000).optional(),
  tags: z.array(z.string().max(1000)).max(1000).optional(),
  starred: z.boolean().optional(),
  location: z.record(z.string(), z.unknown()).optional(),
  weather: z.record(z.string(), z.unknown()).optional(),
  photos: z.array(z.unknown()).optional(),
  videos: z.array(z.unknown()).optional(),
  audios: z.array(z.unknown()).optional(),
  pdfAttachments: z.array(z.unknown()).optional(),
})
export type DayOneRawEntry = z.infer<typeof entrySchema>

const journalSchema = z.object({
  metadata: z.object({ version: z.string().max(20) }).optional(),
  entries: z.array(entrySchema).max(1_000_000),
})

export interface DayOneEntry {
  uuid: string
  /** "entries.3", or "Work.json: entries.3" when the export holds several journals. */
  place: string
  createdAt: number
  updatedAt: number
  /** IANA zone, when Day One recorded a valid one. */
  timeZone: string | null
  body: string
  tags: string[]
  attachments: number
}

export type DayOneSkipReason = 'no_text' | 'outside_date_range'

export interface ParsedDayOne {
  entries: DayOneEntry[]
  skips: Array<{ place: string; reason: DayOneSkipReason }>
  /** Photos, videos, audio and PDFs not imported, over all entries. */
  attachments: number
}

const validZone = (zone: string | undefined): string | null => {
  if (!zone) return null
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return null
  }
}

/** One journal file. `journal` names it when an export holds several (it becomes a tag too). */
export function parseDayOneJournal(json: unknown, journal: string | null, into: ParsedDayOne): void {
  const prefix = journal === null ? '' : `${journal}: `
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json)
  if (!isObject || !('entries' in json)) throw new ImportError('not_day_one', `${prefix}entries`)
  const parsed = journalSchema.safeParse(json)
  if (!parsed.success) throw fromZodError(parsed.error, 'invalid_field', journal ?? undefined)
  const journalTag = journal === null ? [] : [journal.replace(/\.json$/i, '').split('/').pop() ?? '']
  parsed.data.entries.forEach((entry, index) => {
    const place = `${prefix}entries.${index}`
    const createdAt = Date.parse(entry.creationDate)
    const attachments = attachmentCount(entry)
    into.attachments += attachments
    if (!inImportRange(createdAt)) {
      into.skips.push({ place, reason: 'outside_date_range' })
      return
    }
    const text = dayOneBody(entry)
    if (text === '') {
      into.skips.push({ place, reason: 'no_text' })
      return
    }
    const metadata = metadataLines(entry, attachments)
    const modified = entry.modifiedDate === undefined ? createdAt : Date.parse(entry.modifiedDate)
    into.entries.push({
      uuid: entry.uuid,
      place,
      createdAt,
      updatedAt: Math.max(createdAt, modified),
      timeZone: validZone(entry.timeZone),
      body: metadata.length === 0 ? text : `${text}\n\n${metadata.join('\n')}`,
      tags: cleanTags([...(entry.tags ?? []), ...journalTag]),
      attachments,
    })
  })
}

export const emptyDayOne = (): ParsedDayOne => ({ entries: [], skips: [], attachments: 0 })
