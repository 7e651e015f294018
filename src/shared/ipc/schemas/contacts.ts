import { z } from 'zod'
import { CHANNELS, CONTACT_DIRECTIONS, PURPOSES } from '../../domain/vocabulary'
import { idSchema, instantSchema, longText } from './common'

export const contactFields = z.strictObject({
  therapistId: idSchema.nullable().default(null),
  direction: z.enum(CONTACT_DIRECTIONS),
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  at: instantSchema,
  summary: longText.default(''),
  /** The rules this contact went against when the person chose to send anyway. */
  overriddenRuleIds: z.array(idSchema).max(100).default([]),
})

export const contactSchema = contactFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Contact = z.infer<typeof contactSchema>

export const contactListInput = z.strictObject({
  since: instantSchema.nullable().default(null),
  limit: z.number().int().min(1).max(20_000).default(500),
})

export const draftFields = z.strictObject({
  therapistId: idSchema.nullable().default(null),
  body: longText,
  purpose: z.enum(PURPOSES),
  channel: z.enum(CHANNELS),
  remindAt: instantSchema.nullable().default(null),
})

export const draftSchema = draftFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Draft = z.infer<typeof draftSchema>
