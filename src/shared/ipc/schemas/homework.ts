import { z } from 'zod'
import { CHECK_IN_CADENCES, DIARY_RATING_MAX, SKILL_MODULES, THINKING_TRAPS } from '../../domain/homework/homework-lists'
import { ANSWER_MAX, BANDS, QUESTIONNAIRES } from '../../domain/homework/questionnaires'
import { calendarDaySchema } from '../../domain/time/instant-range'
import { idSchema, instantSchema, longText, withoutDefaults, zoneSchema } from './common'

const percent = z.number().int().min(0).max(100)
const rating = z.number().int().min(0).max(DIARY_RATING_MAX)
const label = z.string().trim().min(1).max(60)
const labels = z.array(label).max(30)
/** Ratings or answers keyed by the person's own row names. */
const byName = <T extends z.ZodType>(value: T) =>
  z.record(z.string().min(1).max(60), value).refine((r) => Object.keys(r).length <= 30, 'at most 30 rows')
const timestamps = { id: idSchema, createdAt: instantSchema, updatedAt: instantSchema }

/* Thought records: the seven columns. */

export const thoughtSchema = z.strictObject({
  text: z.string().max(2000),
  belief: percent,
  hot: z.boolean().default(false),
  traps: z.array(z.enum(THINKING_TRAPS)).max(THINKING_TRAPS.length).default([]),
})

export const thoughtRecordFields = z.strictObject({
  happenedAt: instantSchema,
  situation: longText.default(''),
  emotions: z.array(z.strictObject({ name: label, before: percent, after: percent.nullable().default(null) })).max(20).default([]),
  thoughts: z
    .array(thoughtSchema)
    .max(20)
    .default([])
    .refine((thoughts) => thoughts.filter((t) => t.hot).length <= 1, 'only one thought can be the hot thought'),
  evidenceFor: longText.default(''),
  evidenceAgainst: longText.default(''),
  balancedThought: longText.default(''),
  balancedBelief: percent.nullable().default(null),
  bringToSession: z.boolean().default(false),
})
export const thoughtRecordSchema = thoughtRecordFields.extend(timestamps)
export type ThoughtRecord = z.infer<typeof thoughtRecordSchema>

export const thoughtRecordListInput = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
  before: instantSchema.nullable().default(null),
})

/* The DBT diary card: one row a day, set up by the person. */

export const daySchema = calendarDaySchema

export const diaryDayFields = z.strictObject({
  day: daySchema,
  timeZone: zoneSchema,
  emotions: byName(rating).default({}),
  urges: byName(rating).default({}),
  behaviours: byName(z.boolean()).default({}),
  skills: labels.default([]),
  note: longText.default(''),
})
export const diaryDaySchema = diaryDayFields.extend({ ...timestamps, at: instantSchema })
export type DiaryDay = z.infer<typeof diaryDaySchema>
/**
 * A day saved from the card. `base`: the day's values as the card showed them (as loaded or last
 * saved; empty for a day it showed empty), as with patchOf: a value still equal to its base keeps
 * what is stored (another computer's), the note merges, a value changed on both keeps the one it
 * replaces as history.
 */
export const diaryDaySave = diaryDayFields.extend({
  base: withoutDefaults(diaryDayFields.pick({ emotions: true, urges: true, behaviours: true, skills: true, note: true })).optional(),
})

export const diarySetupSchema = z.strictObject({
  emotions: labels,
  urges: labels,
  behaviours: labels,
  skills: z.strictObject(Object.fromEntries(SKILL_MODULES.map((m) => [m, labels])) as Record<(typeof SKILL_MODULES)[number], typeof labels>),
})
export type DiarySetup = z.infer<typeof diarySetupSchema>

export const diaryWeekInput = z.strictObject({ weekStart: daySchema })
export const diaryWeekSchema = z.strictObject({
  weekStart: daySchema,
  days: z.array(diaryDaySchema),
  bringToSession: z.boolean(),
  setup: diarySetupSchema,
})
export type DiaryWeek = z.infer<typeof diaryWeekSchema>

/* Check-ins: PHQ-9 and GAD-7. */

export const checkInFields = z.strictObject({
  questionnaire: z.enum(QUESTIONNAIRES),
  answers: z.array(z.number().int().min(0).max(ANSWER_MAX)).min(7).max(9),
  takenAt: instantSchema,
  note: longText.default(''),
})
export const checkInSchema = checkInFields.extend({ ...timestamps, score: z.number().int().min(0), band: z.enum(BANDS) })
export type CheckIn = z.infer<typeof checkInSchema>

export const checkInListInput = z.strictObject({
  questionnaire: z.enum(QUESTIONNAIRES).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
})

export const homeworkSettingsSchema = z.strictObject({
  diaryCard: diarySetupSchema,
  checkIns: z.strictObject({ phq9: z.enum(CHECK_IN_CADENCES), gad7: z.enum(CHECK_IN_CADENCES) }),
})
export type HomeworkSettings = z.infer<typeof homeworkSettingsSchema>

/* Reflection templates the person wrote (the built-in ones are part of the app). */

export const templateFields = z.strictObject({
  title: z.string().trim().min(1).max(120),
  body: z.string().max(20_000),
})
export const templateSchema = templateFields.extend(timestamps)
export type ReflectionTemplate = z.infer<typeof templateSchema>
