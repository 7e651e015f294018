import { z } from 'zod'
import { countSchema, emptyInput } from '../schemas/common'
import { channel } from './channel'

export const REPAIR_DOMAINS = ['therapists', 'sessions', 'reflections', 'talkingPoints', 'contacts', 'drafts', 'absences', 'rules'] as const

/** A stored row this version cannot show, with what can be read of it. */
export const unreadableRowSchema = z.strictObject({
  domain: z.enum(REPAIR_DOMAINS),
  /** The row's ID as stored (it may itself be what is damaged). */
  id: z.string(),
  /** The fields that could not be read, by their contract names. */
  fields: z.array(z.string()),
  /** The row's text as stored, column by column, for the person to copy or fix. */
  text: z.array(z.strictObject({ column: z.string(), value: z.string() })),
})
export type UnreadableRow = z.infer<typeof unreadableRowSchema>

/** Settings → Repair: rows that lists, pages, search and trends leave out because they cannot show them. */
export const repairContract = {
  'repair.list': channel(emptyInput, z.strictObject({ rows: z.array(unreadableRowSchema), more: countSchema })),
} as const
