import { z } from 'zod'
import { bucketStartSchema, countSchema, idSchema, instantSchema, zoneSchema } from '../schemas/common'
import { reflectionSchema } from '../schemas/reflections'
import { sessionFields, sessionSchema } from '../schemas/sessions'
import { channel } from './channel'

export const SERIES_REPEATS = ['weekly', 'fortnightly'] as const
export const MOOD_BUCKETS = ['day', 'week', 'month'] as const

/** IDs to link again on an undo. */
export const ids = z.array(idSchema).max(10_000).default([])

/** What a deleted session was linked to, so an undo can put the links back. */
export const sessionLinksSchema = z.strictObject({ reflectionIds: z.array(idSchema), talkingPointIds: z.array(idSchema) })
/** The talking points made from a reflection or a draft. */
export const talkingPointLinksSchema = z.strictObject({ talkingPointIds: z.array(idSchema) })

export const moodBucketSchema = z.strictObject({
  /** Start of the bucket (local midnight in the given zone). */
  start: bucketStartSchema,
  average: z.number(),
  low: z.number().int(),
  high: z.number().int(),
  /** How many ratings fell in the bucket (reflection moods and session before/after moods). */
  count: countSchema,
})
export type MoodBucket = z.infer<typeof moodBucketSchema>

/** Sessions and reflections beyond plain CRUD: series, undoable deletes, mood over time. */
export const journalContract = {
  /**
   * Schedules `count` sessions, the first at `startsAt`, then every week or fortnight at the
   * same local time in `timeZone` (17:00 stays 17:00 across a clock change). One transaction.
   */
  'sessions.createSeries': channel(
    sessionFields.omit({ status: true, moodBefore: true, moodAfter: true }).extend({
      repeat: z.enum(SERIES_REPEATS),
      count: z.number().int().min(1).max(52),
    }),
    z.array(sessionSchema),
  ),
  /** The reflections and talking points that point at a session (ask before deleting it). */
  'sessions.links': channel(z.strictObject({ id: idSchema }), sessionLinksSchema),
  /**
   * Undo for a delete: puts a session back as it was (same ID and times) and re-attaches the
   * given reflections and talking points where they are still unattached. CONFLICT when a
   * session with that ID exists.
   */
  'sessions.restore': channel(
    z.strictObject({ session: sessionSchema, reflectionIds: ids, talkingPointIds: ids }),
    sessionSchema,
  ),
  /** The talking points made from a reflection. */
  'reflections.links': channel(z.strictObject({ id: idSchema }), talkingPointLinksSchema),
  /** Undo for a delete: the reflection back as it was, tags and talking-point links too. */
  'reflections.restore': channel(z.strictObject({ reflection: reflectionSchema, talkingPointIds: ids }), reflectionSchema),
  /**
   * Mood ratings over time, averaged per local day, week (from Monday) or month in `timeZone`,
   * oldest first. Only buckets with at least one rating are returned.
   */
  'mood.trend': channel(
    z.strictObject({
      from: instantSchema.nullable().default(null),
      to: instantSchema.nullable().default(null),
      timeZone: zoneSchema,
      bucket: z.enum(MOOD_BUCKETS).default('week'),
    }),
    /** skipped: ratings in rows this version cannot read (Settings → Repair lists them). */
    z.strictObject({ buckets: z.array(moodBucketSchema), skipped: countSchema }),
  ),
} as const
