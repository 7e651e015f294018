import { z } from 'zod'
import { CHANNELS } from '../../domain/vocabulary'
import { idSchema, instantSchema, shortText, zoneSchema } from './common'

export const therapistChannelSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  /** Email address, phone number, portal URL or handle, as the person recorded it. */
  address: z.string().max(500),
  label: z.string().max(100).default(''),
})

export const therapistFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** As the person writes them ('she/her', 'they'); empty when not given. */
  pronouns: z.string().trim().max(60).default(''),
  practice: shortText.default(''),
  timeZone: zoneSchema,
  channels: z.array(therapistChannelSchema).max(20).default([]),
})

export const therapistSchema = therapistFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Therapist = z.infer<typeof therapistSchema>
export type TherapistChannel = z.infer<typeof therapistChannelSchema>
