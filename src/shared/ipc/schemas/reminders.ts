import { z } from 'zod'
import { REMINDER_KINDS } from '../../domain/vocabulary'
import { idSchema, instantSchema, zoneSchema } from './common'

/** "HH:MM", 24-hour. */
export const clockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM')

/** Which reminders the person wants. Kept inside the vault. */
export const reminderSettingsSchema = z.strictObject({
  /** When a draft's chosen wait is over. */
  draftReady: z.boolean(),
  /** At 18:00 (the session's zone) the evening before a scheduled session. */
  sessionTomorrow: z.boolean(),
  /** On a rule's review date. */
  ruleReview: z.boolean(),
  /** An optional, gentle daily prompt to reflect; off unless the person turns it on. */
  reflectionPrompt: z.strictObject({ enabled: z.boolean(), time: clockTimeSchema, timeZone: zoneSchema }),
})
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  draftReady: true,
  sessionTomorrow: true,
  ruleReview: true,
  reflectionPrompt: { enabled: false, time: '20:00', timeZone: 'UTC' },
})

/** A reminder as the renderer sees it: a kind, what it is about (an ID), and when. */
export const reminderSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(REMINDER_KINDS),
  /** The draft, session or rule it is about; null for the reflection prompt. */
  refId: idSchema.nullable(),
  dueAt: instantSchema,
  firedAt: instantSchema.nullable(),
  dismissedAt: instantSchema.nullable(),
})
export type Reminder = z.infer<typeof reminderSchema>

export const reminderListInput = z.strictObject({
  /** Include dismissed reminders (by default: pending ones and shown ones not yet dismissed). */
  includePast: z.boolean().default(false),
})
