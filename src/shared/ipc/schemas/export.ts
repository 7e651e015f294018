import { z } from 'zod'
import { instantSchema, zoneSchema } from './common'

/**
 * Every plaintext export is its own explicit call, and says that the person was told first:
 * "This file will not be encrypted". The core then asks the OS dialog where to write.
 */
export const confirmUnencryptedSchema = z.literal(true)

export const localeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag')

/** A period: from inclusive, to exclusive (epoch ms); null = open-ended. */
export const exportRangeFields = {
  from: instantSchema.nullable().default(null),
  to: instantSchema.nullable().default(null),
}

const rangeInOrder = (range: { from: number | null; to: number | null }) => range.from === null || range.to === null || range.from < range.to

export const jsonExportInput = z.strictObject({ confirmUnencrypted: confirmUnencryptedSchema })

/** Dates are shown in `timeZone` (the person's zone) and formatted for `locale`. */
export const rangedExportInput = z
  .strictObject({
    confirmUnencrypted: confirmUnencryptedSchema,
    ...exportRangeFields,
    timeZone: zoneSchema,
    locale: localeSchema.default('en-GB'),
  })
  .refine(rangeInOrder, { message: 'from must be before to', path: ['to'] })

export const exportResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({
    status: z.literal('written'),
    /** The file (or, for a folder export, the new subfolder) name: never a full path. */
    name: z.string(),
    /** Files written. */
    files: z.number().int().min(0),
    /** Sessions, reflections and other items included. */
    items: z.number().int().min(0),
  }),
])
export type ExportResult = z.infer<typeof exportResultSchema>
