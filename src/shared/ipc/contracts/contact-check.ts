import { z } from 'zod'
import { contactCheckResultSchema, contactCheckSnapshotSchema, contactRequestSchema } from '../../domain/contact-check'
import { idSchema, zoneSchema } from '../schemas/common'
import { channel } from './channel'

export const contactCheckInput = z.strictObject({
  therapistId: idSchema,
  request: contactRequestSchema,
  /** Where the person is now (Intl's zone in the renderer). */
  personZone: zoneSchema,
  locale: z.string().min(2).max(35).default('en-GB'),
})

export const contactCheckInputsInput = z.strictObject({
  therapistId: idSchema,
  /** Include the crisis plan (the crisis answer shows it). */
  withCrisisPlan: z.boolean().default(false),
})

export const contactCheckContract = {
  /** What the check reads, gathered once: the renderer asks the check over it on every change. */
  'contactCheck.inputs': channel(contactCheckInputsInput, contactCheckSnapshotSchema),
  'contactCheck.evaluate': channel(contactCheckInput, contactCheckResultSchema),
} as const
