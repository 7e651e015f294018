import { z } from 'zod'
import { BUCKET_MARGIN_MS, INSTANT_MAX, INSTANT_MIN, instantSchema } from '../../domain/time/instant-range'
import { MOOD_MAX, MOOD_MIN } from '../../domain/vocabulary'

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const idSchema = z.string().regex(UUID_V7, 'must be an ID')
/** Epoch milliseconds (UTC) in the one valid range, 1900–2199 (src/shared/domain/time/instant-range.ts). */
export { instantSchema }
/** The start of a day, week or month bucket: it may fall up to a month outside the valid range. */
export const bucketStartSchema = z
  .number()
  .int()
  .min(INSTANT_MIN - BUCKET_MARGIN_MS)
  .max(INSTANT_MAX + BUCKET_MARGIN_MS)
/** A count the contract takes or answers: a non-negative safe integer. */
export const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
/** How many elements of a read were left out because they cannot be shown (dispatch fills it). */
export const skippedSchema = countSchema.default(0)
/** Zones already found valid: building a DateTimeFormat per value was most of an export's checks. */
const knownZones = new Set<string>()
export const zoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    if (knownZones.has(zone)) return true
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      knownZones.add(zone)
      return true
    } catch {
      return false
    }
  }, 'must be an IANA time zone')
export const moodSchema = z.number().int().min(MOOD_MIN).max(MOOD_MAX)

export const shortText = z.string().max(500)
export const longText = z.string().max(200_000)

export const byId = z.strictObject({ id: idSchema })
export const emptyInput = z.strictObject({})
export const deleted = z.strictObject({ id: idSchema, deleted: z.literal(true) })

/** Keyset page request; `cursor` is opaque to the renderer. */
export const pageRequest = z.strictObject({
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).nullable().default(null),
})

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() })

/**
 * The editable fields with their defaults removed, all optional: a patch carries only what the
 * caller sent. (With `.partial()` alone, zod fills every absent field that has a default, and an
 * update of one field would reset the others to their defaults.)
 */
export const withoutDefaults = <T extends z.ZodObject>(fields: T): ReturnType<T['partial']> => {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, schema] of Object.entries(fields.shape as Record<string, z.ZodType>)) {
    shape[key] = (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional()
  }
  return z.strictObject(shape) as unknown as ReturnType<T['partial']>
}

/**
 * An update: the ID plus any subset of the editable fields (at least one). An editor that keeps
 * its fields open sends `base`: those fields as it loaded them (or last saved them). The save
 * then changes only what the person changed since: a field equal to its base is left as stored
 * (another computer may have changed it meanwhile), and a long text saved over words the editor
 * never showed is merged with them instead of replacing them (records/text-merge.ts).
 */
export const patchOf = <T extends z.ZodObject>(fields: T) =>
  z.strictObject({
    id: idSchema,
    patch: withoutDefaults(fields).refine((p) => Object.keys(p).length > 0, 'nothing to change'),
    base: withoutDefaults(fields).optional(),
  })
