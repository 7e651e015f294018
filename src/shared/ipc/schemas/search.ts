import { z } from 'zod'
import { idSchema, instantSchema, skippedSchema } from './common'

export const SEARCHABLE_KINDS = ['session', 'reflection', 'talking_point', 'contact', 'draft', 'thought_record', 'diary_day', 'check_in'] as const

/**
 * 'date': by the date the entry is about, newest first. 'relevance': best match first (BM25, a
 * title above the body) among the newest 200 matches, then the older ones by date.
 */
export const SEARCH_ORDERS = ['date', 'relevance'] as const
export type SearchOrder = (typeof SEARCH_ORDERS)[number]

export const searchInput = z.strictObject({
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page of the same query and order. */
  cursor: z.string().max(200).nullable().default(null),
  order: z.enum(SEARCH_ORDERS).default('date'),
})

export const searchHitSchema = z.strictObject({
  kind: z.enum(SEARCHABLE_KINDS),
  id: idSchema,
  at: instantSchema,
  /** Plain text with the matched words wrapped in \u0002 … \u0003 markers. */
  snippet: z.string(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const searchResultSchema = z.strictObject({
  hits: z.array(searchHitSchema),
  nextCursor: z.string().nullable(),
  /** Matches that could not be shown (Settings → Repair lists them). */
  skipped: skippedSchema,
})
