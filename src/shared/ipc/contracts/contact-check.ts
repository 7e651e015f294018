import { z } from 'zod'
import { contactCheckResultSchema, contactRequestSchema } from '../../domain/contact-check'
import { idSchema, zoneSchema } from '../schemas/common'
import { channel } from './channel'

export const contactCheckInput = z.strictObject({
  therapistId: idSchema,
  request: contactRequestSchema,
  /** Where the person is now (Intl's zone in the renderer). */
  personZone: zoneSchema,
  locale: z.string().min(2).max(35).default('en-GB'),
})

export const contactCheckContract = {
  'contactCheck.evaluate': channel(contactCheckInput, contactCheckResultSchema),
} as const
