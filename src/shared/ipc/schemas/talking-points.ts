import { z } from 'zod'
import { PRIORITIES, TALKING_POINT_STATUSES } from '../../domain/vocabulary'
import { idSchema, instantSchema } from './common'

export const talkingPointFields = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  priority: z.enum(PRIORITIES).default('normal'),
  position: z.number().min(-1e12).max(1e12).default(0),
  targetSessionId: idSchema.nullable().default(null),
  sourceReflectionId: idSchema.nullable().default(null),
  sourceDraftId: idSchema.nullable().default(null),
  status: z.enum(TALKING_POINT_STATUSES).default('open'),
})

export const talkingPointSchema = talkingPointFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type TalkingPoint = z.infer<typeof talkingPointSchema>

export const talkingPointListInput = z.strictObject({
  status: z.enum(TALKING_POINT_STATUSES).nullable().default(null),
  targetSessionId: idSchema.nullable().default(null),
})
