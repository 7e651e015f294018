import { z } from 'zod'
import { CHANNELS, CONTACT_DIRECTIONS, PURPOSES, SESSION_FORMATS, SESSION_STATUSES } from '../../domain/vocabulary'
import { idSchema, instantSchema, moodSchema, skippedSchema } from './common'
import { homeworkTimelineEntries, HOMEWORK_TIMELINE_KINDS } from './homework-timeline'
import { tagNameSchema } from './reflections'

export const TIMELINE_KINDS = ['session', 'reflection', 'contact', 'draft', 'rule_change', ...HOMEWORK_TIMELINE_KINDS] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export const timelineFilterSchema = z.strictObject({
  kinds: z.array(z.enum(TIMELINE_KINDS)).min(1).max(TIMELINE_KINDS.length).nullable().default(null),
  tag: tagNameSchema.nullable().default(null),
  therapistId: idSchema.nullable().default(null),
  from: instantSchema.nullable().default(null),
  to: instantSchema.nullable().default(null),
})

export const timelinePageInput = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).nullable().default(null),
  filter: timelineFilterSchema.default({ kinds: null, tag: null, therapistId: null, from: null, to: null }),
})

/** Rule changes are identified as `<ruleId>:v<version>`; everything else by its own ID. */
const base = { id: z.string().min(1).max(100), at: instantSchema }

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('session'),
    title: z.string().nullable(),
    location: z.string().nullable(),
    therapistId: idSchema.nullable(),
    durationMinutes: z.number().int(),
    format: z.enum(SESSION_FORMATS),
    status: z.enum(SESSION_STATUSES),
    moodBefore: moodSchema.nullable(),
    moodAfter: moodSchema.nullable(),
    preview: z.string(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('reflection'),
    mood: moodSchema.nullable(),
    tags: z.array(z.string()),
    bringToSession: z.boolean(),
    preview: z.string(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('contact'),
    therapistId: idSchema.nullable(),
    direction: z.enum(CONTACT_DIRECTIONS),
    channel: z.enum(CHANNELS),
    purpose: z.enum(PURPOSES),
    overrodeRules: z.boolean(),
    preview: z.string(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('draft'),
    therapistId: idSchema.nullable(),
    channel: z.enum(CHANNELS),
    purpose: z.enum(PURPOSES),
    remindAt: instantSchema.nullable(),
    preview: z.string(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('rule_change'),
    ruleId: idSchema,
    therapistId: idSchema,
    ruleKind: z.string(),
    version: z.number().int(),
    active: z.boolean(),
    retired: z.boolean(),
    preview: z.string(),
  }),
  ...homeworkTimelineEntries,
])
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

export const timelinePageSchema = z.strictObject({
  items: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable(),
  /** Entries on this page that could not be shown (Settings → Repair lists them). */
  skipped: skippedSchema,
})
