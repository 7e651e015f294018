import { z } from 'zod'
import { SESSION_LOCATION_MAX, SESSION_TITLE_MAX } from '../../domain/session-limits'
import { HOMEWORK_STATUSES, SESSION_FORMATS, SESSION_STATUSES } from '../../domain/vocabulary'
import { idSchema, instantSchema, longText, moodSchema, zoneSchema } from './common'

export const homeworkItemSchema = z.strictObject({
  id: idSchema.optional(),
  text: z.string().trim().min(1).max(2000),
  status: z.enum(HOMEWORK_STATUSES).default('todo'),
})

export const sessionFields = z.strictObject({
  /** A session's own name and place (from a calendar: its SUMMARY and LOCATION); null: none. */
  title: z.string().trim().min(1).max(SESSION_TITLE_MAX).nullable().default(null),
  location: z.string().trim().min(1).max(SESSION_LOCATION_MAX).nullable().default(null),
  therapistId: idSchema.nullable().default(null),
  startsAt: instantSchema,
  timeZone: zoneSchema,
  durationMinutes: z.number().int().min(5).max(600).default(50),
  format: z.enum(SESSION_FORMATS).default('in_person'),
  status: z.enum(SESSION_STATUSES).default('scheduled'),
  notes: longText.default(''),
  moodBefore: moodSchema.nullable().default(null),
  moodAfter: moodSchema.nullable().default(null),
  takeaways: longText.default(''),
  homework: z.array(homeworkItemSchema).max(100).default([]),
})

export const sessionSchema = sessionFields.extend({
  id: idSchema,
  homework: z.array(homeworkItemSchema.required({ id: true })),
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Session = z.infer<typeof sessionSchema>

export const sessionListInput = z.strictObject({
  from: instantSchema.nullable().default(null),
  to: instantSchema.nullable().default(null),
  therapistId: idSchema.nullable().default(null),
  limit: z.number().int().min(1).max(1000).default(200),
})
