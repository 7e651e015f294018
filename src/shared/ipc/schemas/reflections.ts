import { z } from 'zod'
import { idSchema, instantSchema, longText, moodSchema } from './common'

export const tagNameSchema = z.string().trim().min(1).max(60)

export const reflectionFields = z.strictObject({
  body: longText,
  mood: moodSchema.nullable().default(null),
  tags: z.array(tagNameSchema).max(50).default([]),
  sessionId: idSchema.nullable().default(null),
  bringToSession: z.boolean().default(false),
})

export const reflectionSchema = reflectionFields.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
})
export type Reflection = z.infer<typeof reflectionSchema>

export const reflectionListInput = z.strictObject({
  limit: z.number().int().min(1).max(500).default(50),
  before: instantSchema.nullable().default(null),
  tag: tagNameSchema.nullable().default(null),
})

export const tagSchema = z.strictObject({ id: idSchema, name: z.string(), count: z.number().int() })
export type Tag = z.infer<typeof tagSchema>
