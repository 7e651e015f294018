import { z } from 'zod'
import { BANDS, QUESTIONNAIRES } from '../../domain/homework/questionnaires'
import { instantSchema } from './common'

/** The homework kinds on the timeline: a compact card each. */
export const HOMEWORK_TIMELINE_KINDS = ['thought_record', 'diary_day', 'check_in'] as const

const base = { id: z.string().min(1).max(100), at: instantSchema, preview: z.string() }

export const homeworkTimelineEntries = [
  z.strictObject({ ...base, kind: z.literal('thought_record'), hotThought: z.string().nullable(), bringToSession: z.boolean() }),
  z.strictObject({
    ...base,
    kind: z.literal('diary_day'),
    day: z.string(),
    highestEmotion: z.number().int().nullable(),
    highestUrge: z.number().int().nullable(),
    /** How many target behaviours happened that day. */
    behaviours: z.number().int().min(0),
    skills: z.number().int().min(0),
  }),
  z.strictObject({ ...base, kind: z.literal('check_in'), questionnaire: z.enum(QUESTIONNAIRES), score: z.number().int().min(0), band: z.enum(BANDS) }),
] as const
