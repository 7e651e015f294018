/**
 * Between's JSON export: the whole vault as one versioned document (docs/export-format.md).
 * The same schema validates an import, so what Between writes, Between reads back.
 */
import { z } from 'zod'
import { REMINDER_KINDS, SEVERITIES } from '../../../shared/domain/vocabulary'
import { absenceSchema } from '../../../shared/ipc/schemas/absences'
import { idSchema, instantSchema, zoneSchema } from '../../../shared/ipc/schemas/common'
import { contactSchema, draftSchema } from '../../../shared/ipc/schemas/contacts'
import { crisisPlanSchema } from '../../../shared/ipc/schemas/crisis-plan'
import { reflectionSchema, tagNameSchema } from '../../../shared/ipc/schemas/reflections'
import { ruleSchema } from '../../../shared/ipc/schemas/rules'
import { sessionSchema } from '../../../shared/ipc/schemas/sessions'
import { talkingPointSchema } from '../../../shared/ipc/schemas/talking-points'
import { therapistSchema } from '../../../shared/ipc/schemas/therapists'
import { reminderSettingsSchema } from '../../../shared/ipc/schemas/reminders'
import { homeworkExportSchema } from '../homework/homework-export'

export const EXPORT_FORMAT = 'between-export'
export const EXPORT_VERSION = 1

/** One earlier (or the current) version of a rule. Kind and params are kept as they were. */
export const exportedRuleVersionSchema = z.strictObject({
  version: z.number().int().min(1),
  changedAt: instantSchema,
  severity: z.enum(SEVERITIES),
  agreementText: z.string().max(2000),
  agreedOn: z.number().int().nullable(),
  reviewBy: z.number().int().nullable(),
  active: z.boolean(),
  retiredAt: instantSchema.nullable(),
  body: z.strictObject({ kind: z.string().min(1).max(60), params: z.record(z.string(), z.unknown()) }),
})

export const exportedRuleSchema = ruleSchema.extend({ versions: z.array(exportedRuleVersionSchema).min(1).max(10_000) })

export const exportedReminderSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(REMINDER_KINDS),
  refId: z.string().max(100).nullable(),
  dueAt: instantSchema,
  firedAt: instantSchema.nullable(),
  dismissedAt: instantSchema.nullable(),
  createdAt: instantSchema,
})

export const exportedImportSourceSchema = z.strictObject({
  source: z.enum(['ics', 'day_one', 'daylio']),
  externalKey: z.string().min(1).max(1000),
  sessionId: idSchema.nullable(),
  reflectionId: idSchema.nullable(),
  timeZone: zoneSchema.nullable(),
  importedAt: instantSchema,
})

const many = <T extends z.ZodType>(item: T) => z.array(item).max(1_000_000)

export const exportDocumentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instantSchema,
  /** The vault's schema version (PRAGMA user_version) when exported; informational. */
  schemaVersion: z.number().int().min(0),
  data: z.strictObject({
    therapists: many(therapistSchema),
    sessions: many(sessionSchema),
    reflections: many(reflectionSchema),
    /** Every tag name, used or not. */
    tags: many(tagNameSchema),
    drafts: many(draftSchema),
    talkingPoints: many(talkingPointSchema),
    contacts: many(contactSchema),
    absences: many(absenceSchema),
    rules: many(exportedRuleSchema),
    crisisPlan: crisisPlanSchema.nullable(),
    reminders: many(exportedReminderSchema),
    reminderSettings: reminderSettingsSchema.nullable(),
    importSources: many(exportedImportSourceSchema),
    /** Thought records, diary card, check-ins, templates (absent in files from before them). */
    homework: homeworkExportSchema.optional(),
  }),
})

export type ExportDocument = z.infer<typeof exportDocumentSchema>
export type ExportData = ExportDocument['data']
