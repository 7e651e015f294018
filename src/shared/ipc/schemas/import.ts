import { z } from 'zod'
import { SESSION_FORMATS } from '../../domain/vocabulary'
import { countSchema, idSchema, moodSchema, zoneSchema } from './common'

const count = countSchema

export const IMPORT_KINDS = ['betweenJson', 'dayOne', 'daylio', 'calendar'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

const createdCounts = z.strictObject({
  therapists: count,
  sessions: count,
  reflections: count,
  drafts: count,
  talkingPoints: count,
  contacts: count,
  absences: count,
  rules: count,
  crisisPlan: count,
  reminders: count,
  homework: count,
})

export const calendarImportOptions = z.strictObject({
  /** Who the appointments are with (needed for all-day events as absences). */
  therapistId: idSchema.nullable().default(null),
  /** null = from each event: a video link means video, a phone number only means phone. */
  format: z.enum(SESSION_FORMATS).nullable().default(null),
  /** The person's zone, for floating times and zones nobody can read. */
  timeZone: zoneSchema,
  /** How far back to take occurrences, from today. 1200 = everything. */
  pastMonths: z.number().int().min(0).max(1200).default(12),
  /** How far ahead, from today. */
  aheadMonths: z.number().int().min(1).max(24).default(12),
  /** What a past appointment that was not called off becomes. */
  pastStatus: z.enum(['attended', 'scheduled']).default('attended'),
  /** All-day events: listed as skipped, or imported as the therapist's absences. */
  allDay: z.enum(['skip', 'absences']).default('skip'),
  /** Sessions the person changed since the last import: left as they are, or updated. */
  edited: z.enum(['keep', 'update']).default('keep'),
})

export const daylioImportOptions = z.strictObject({
  timeZone: zoneSchema,
  /** Daylio mood name -> Between's mood (null: no mood). Names not listed use the default. */
  moods: z.record(z.string().max(200), moodSchema.nullable()).default({}),
})

export const importOptionsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('betweenJson') }),
  z.strictObject({ kind: z.literal('dayOne') }),
  z.strictObject({ kind: z.literal('daylio'), daylio: daylioImportOptions }),
  z.strictObject({ kind: z.literal('calendar'), calendar: calendarImportOptions }),
])
export type ImportOptions = z.output<typeof importOptionsSchema>

const placeList = z.array(z.string().max(200)).max(20)

/** What an import will do; nothing is written until the person confirms. */
export const importPreviewSchema = z.strictObject({
  planId: z.string().max(100),
  kind: z.enum(IMPORT_KINDS),
  create: createdCounts,
  /** Items imported before that the file changes (a moved or cancelled appointment). */
  update: count,
  /** Items imported before that the file leaves as they are. */
  unchanged: count,
  /** Sessions the person edited since they were imported and the file changes: asked. */
  edited: count,
  /** Why items are not imported, with up to 20 places each ("line 12", "entries.3"). */
  skipped: z.array(z.strictObject({ reason: z.string().max(60), count, places: placeList })),
  /** Repairs made to read a damaged file, and guesses made. */
  repairs: z.array(z.strictObject({ reason: z.string().max(60), count, places: placeList })),
  /** Earliest and latest item that will be written. */
  range: z.strictObject({ from: z.number(), to: z.number() }).nullable(),
  /** The first items, in order, to show. */
  items: z
    .array(
      z.strictObject({
        action: z.enum(['create', 'update']),
        kind: z.enum(['session', 'reflection', 'absence']),
        at: z.number(),
        title: z.string().max(300),
        status: z.string().max(40).nullable(),
        format: z.enum(SESSION_FORMATS).nullable(),
        mood: moodSchema.nullable(),
      }),
    )
    .max(200),
  total: count,
  /** Daylio: every mood name in the file, how often, and what it maps to. */
  moods: z.array(z.strictObject({ label: z.string().max(200), count, mood: moodSchema.nullable() })).max(200),
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const importChooseOutput = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('ready'), preview: importPreviewSchema }),
])

/** `cancelled`: stopped with jobs.cancel({ op: 'import' }); the chosen file is forgotten. */
export const importPreviewResult = z.union([importPreviewSchema, z.strictObject({ status: z.literal('cancelled') })])

export const importPlanInput = z.strictObject({ planId: z.string().max(100), options: importOptionsSchema })

const importedSchema = z.strictObject({
  status: z.literal('imported'),
  created: createdCounts,
  updated: count,
  skipped: count,
})
export type ImportResult = z.infer<typeof importedSchema>

/** `cancelled`: stopped with jobs.cancel({ op: 'import' }); what it had written is taken back. */
export const importResultSchema = z.discriminatedUnion('status', [importedSchema, z.strictObject({ status: z.literal('cancelled') })])
