/**
 * Day One's JSON export (the Journal.json inside its export zip):
 *   { "metadata": { "version": "1.0" },
 *     "entries": [ { "uuid", "creationDate": ISO 8601 UTC, "modifiedDate", "timeZone": IANA,
 *                    "text": Markdown, "tags": [..], "starred", "location", "weather", "photos", ... } ] }
 * Entries become reflections with their dates and tags; the zone each was written in is kept
 * in import_sources. Location, weather, device and photos are left out: Between does not keep
 * them. Day One escapes Markdown punctuation ("\." "\-") and marks photos as
 * ![](dayone-moment://…): both are undone.
 */
import { z } from 'zod'
import { isInstantInRange } from '../../../shared/domain/time/instant-range'
import { fromZodError, ImportError, OUT_OF_RANGE } from './import-error'

const isoInstant = z.iso.datetime({ offset: true }).refine((text) => isInstantInRange(Date.parse(text)), OUT_OF_RANGE)

const entrySchema = z.object({
  uuid: z.string().trim().min(1).max(100),
  creationDate: isoInstant,
  modifiedDate: isoInstant.optional(),
  timeZone: z.string().max(100).optional(),
  text: z.string().max(200_000).optional(),
  tags: z.array(z.string().max(1000)).max(1000).optional(),
  starred: z.boolean().optional(),
})

const journalSchema = z.object({
  metadata: z.object({ version: z.string().max(20) }),
  entries: z.array(entrySchema).max(1_000_000),
})

export interface DayOneEntry {
  uuid: string
  createdAt: number
  updatedAt: number
  /** IANA zone, when Day One recorded a valid one. */
  timeZone: string | null
  body: string
  tags: string[]
}

export interface ParsedDayOne {
  entries: DayOneEntry[]
  /** Entries with no text (photo-only, say). */
  empty: number
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

/** Day One's Markdown escapes, undone: "\." -> ".", "\\" -> "\". */
export const unescapeDayOne = (text: string): string =>
  text
    .replace(/^[ \t]*!\[[^\]]*\]\(dayone-moment:\/[^)]*\)[ \t]*\r?\n?/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<"'&:=/])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

const TAG_MAX = 60
const TAGS_PER_REFLECTION = 50

function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Map<string, string>()
  for (const raw of tags ?? []) {
    const name = [...raw.trim()].slice(0, TAG_MAX).join('').trim()
    if (name !== '' && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  }
  return [...seen.values()].slice(0, TAGS_PER_REFLECTION)
}

export function parseDayOne(json: unknown): ParsedDayOne {
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json)
  if (!isObject || !('entries' in json)) throw new ImportError('not_day_one', 'entries')
  if (!('metadata' in json)) throw new ImportError('not_day_one', 'metadata')
  const parsed = journalSchema.safeParse(json)
  if (!parsed.success) throw fromZodError(parsed.error)
  const entries: DayOneEntry[] = []
  let empty = 0
  for (const entry of parsed.data.entries) {
    const body = unescapeDayOne(entry.text ?? '')
    if (body === '') {
      empty++
      continue
    }
    const createdAt = Date.parse(entry.creationDate)
    const modified = entry.modifiedDate === undefined ? createdAt : Date.parse(entry.modifiedDate)
    entries.push({
      uuid: entry.uuid,
      createdAt,
      updatedAt: Math.max(createdAt, modified),
      timeZone: validZone(entry.timeZone),
      body,
      tags: cleanTags(entry.tags),
    })
  }
  return { entries, empty }
}
