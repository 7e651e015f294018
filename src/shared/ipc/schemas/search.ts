import { z } from 'zod'
import { idSchema, instantSchema, skippedSchema } from './common'

export const SEARCHABLE_KINDS = ['session', 'reflection', 'talking_point', 'contact', 'draft', 'thought_record', 'diary_day', 'check_in'] as const

export const searchInput = z.strictObject({
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).nullable().default(null),
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
