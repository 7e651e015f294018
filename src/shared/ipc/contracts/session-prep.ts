import { z } from 'zod'
import { HOMEWORK_STATUSES } from '../../domain/vocabulary'
import { idSchema, instantSchema, longText, moodSchema, zoneSchema } from '../schemas/common'
import { contactSchema, draftSchema } from '../schemas/contacts'
import { confirmUnencryptedSchema, exportResultSchema, localeSchema } from '../schemas/export'
import { homeworkItemSchema, sessionSchema } from '../schemas/sessions'
import { talkingPointSchema } from '../schemas/talking-points'
import { channel } from './channel'

/** Whose sessions to prepare for: one therapist, or every session when null. */
const therapistFilter = { therapistId: idSchema.nullable().default(null) }

export const sessionPrepOpenInput = z.strictObject(therapistFilter)

/** Everything the "Next session" page shows, gathered in one read. */
export const sessionPrepSchema = z.strictObject({
  /** The latest session that has started and was attended or is still waiting for its review. */
  lastSession: sessionSchema.nullable(),
  /** The first scheduled session that starts after now. */
  nextSession: sessionSchema.nullable(),
  /** A session that has started but is still marked scheduled: ready for "after the session". */
  toReview: sessionSchema.nullable(),
  /** Since when things were gathered: the start of the last session (null: from the beginning). */
  since: instantSchema.nullable(),
  /** Open and carried-over talking points, in the person's order. */
  talkingPoints: z.array(talkingPointSchema),
  /** How flagged reflections since `since` were added to the talking points by this call. */
  gathered: z.number().int().min(0),
  /** Moods from reflections since `since`, oldest first. */
  moods: z.array(z.strictObject({ at: instantSchema, mood: moodSchema })),
  /** Saved message drafts that were not turned into a talking point. */
  drafts: z.array(draftSchema),
  /** Questions sent since `since` with no reply logged after them. */
  unanswered: z.array(contactSchema),
})
export type SessionPrep = z.infer<typeof sessionPrepSchema>

export const reorderInput = z.strictObject({
  /** Talking point IDs in their new order (positions become 0, 1, 2 …). */
  ids: z.array(idSchema).min(1).max(1000),
})

export const sessionReviewInput = z.strictObject({
  sessionId: idSchema,
  /** Talking points that came up: marked discussed, linked to this session. */
  discussedIds: z.array(idSchema).max(1000).default([]),
  /** Talking points that did not: carried over to the next session (the rest stay as they are). */
  carriedIds: z.array(idSchema).max(1000).default([]),
  notes: longText.default(''),
  takeaways: longText.default(''),
  moodAfter: moodSchema.nullable().default(null),
  /** Homework agreed in this session (replaces the session's list). */
  homework: z.array(homeworkItemSchema).max(100).default([]),
  /** Status changes for the previous session's homework. */
  previousHomework: z
    .strictObject({
      sessionId: idSchema,
      items: z.array(z.strictObject({ id: idSchema, status: z.enum(HOMEWORK_STATUSES) })).max(100),
    })
    .nullable()
    .default(null),
})

const briefInput = {
  ...therapistFilter,
  timeZone: zoneSchema,
  locale: localeSchema.default('en-GB'),
}

export const briefPdfInput = z.strictObject({ ...briefInput, confirmUnencrypted: confirmUnencryptedSchema })
export const briefMarkdownInput = z.strictObject(briefInput)

const sheetInput = { therapistId: idSchema, timeZone: zoneSchema, locale: localeSchema.default('en-GB') }
export const agreementsSheetPdfInput = z.strictObject({ ...sheetInput, confirmUnencrypted: confirmUnencryptedSchema })
export const agreementsSheetMarkdownInput = z.strictObject(sheetInput)

export const sessionPrepContract = {
  /**
   * The "Next session" page: adds reflections flagged "bring to session" since the last attended
   * session to the talking points (once each; a removed one is not added again), then returns the page.
   */
  'sessionPrep.open': channel(sessionPrepOpenInput, sessionPrepSchema),
  /** Puts talking points in the given order, in one write. */
  'sessionPrep.reorder': channel(reorderInput, z.strictObject({ ids: z.array(idSchema) })),
  /**
   * After the session: marks it attended with notes, takeaways and homework, marks the points
   * discussed or carried over, and updates the previous homework, in one write. This closes the
   * interval between sessions on the timeline.
   */
  'sessionPrep.review': channel(sessionReviewInput, sessionSchema),
  /** A one-page brief for the next session as a PDF, where the save dialog says. Not encrypted. */
  'sessionPrep.briefPdf': channel(briefPdfInput, exportResultSchema),
  /** The same brief as Markdown text, for the renderer to copy (clipboard.write). */
  'sessionPrep.briefMarkdown': channel(briefMarkdownInput, z.strictObject({ markdown: z.string() })),
  /**
   * "How we keep in touch between sessions": the starter questions with the agreements written
   * down so far and room for what is agreed together, and every agreement past its review date.
   * A one-page PDF through the brief's machinery, where the save dialog says. Not encrypted.
   */
  'sessionPrep.agreementsSheetPdf': channel(agreementsSheetPdfInput, exportResultSchema),
  /** The same sheet as Markdown text, for the renderer to copy (clipboard.write). */
  'sessionPrep.agreementsSheetMarkdown': channel(agreementsSheetMarkdownInput, z.strictObject({ markdown: z.string() })),
} as const
