import { z } from 'zod'
import { SESSION_FORMATS } from '../../domain/vocabulary'
import { idSchema, zoneSchema } from './common'

const count = z.number().int().min(0)

export const importResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({
    status: z.literal('imported'),
    created: z.strictObject({
      therapists: count,
      sessions: count,
      reflections: count,
      drafts: count,
      talkingPoints: count,
      contacts: count,
      absences: count,
      rules: count,
      crisisPlan: count,
      reminders: count,
      homework: count,
    }),
    /** Appointments already imported that moved or were cancelled. */
    updated: count,
    /** Already in the vault, or nothing to import (empty entries, all-day events). */
    skipped: count,
  }),
])
export type ImportResult = z.infer<typeof importResultSchema>

export const betweenJsonImportInput = z.strictObject({})

export const dayOneImportInput = z.strictObject({})

export const calendarImportInput = z.strictObject({
  /** Who the appointments are with. */
  therapistId: idSchema.nullable().default(null),
  /** null = guess from each event's location or link. */
  format: z.enum(SESSION_FORMATS).nullable().default(null),
  /** The person's zone, for floating and UTC times. */
  timeZone: zoneSchema,
  /** Repeating appointments are added up to this many days ahead. */
  horizonDays: z.number().int().min(7).max(730).default(365),
})
