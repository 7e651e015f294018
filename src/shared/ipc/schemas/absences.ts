import { z } from 'zod'
import { idSchema, instantSchema, shortText } from './common'

export const absenceFields = z.strictObject({
  therapistId: idSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  coveringName: shortText.default(''),
  /** How to reach the covering clinician: a phone number, email or note. */
  coveringContact: shortText.default(''),
  note: shortText.default(''),
})

export const absenceSchema = absenceFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Absence = z.infer<typeof absenceSchema>
