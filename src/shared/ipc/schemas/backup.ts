import { z } from 'zod'
import { countSchema, instantSchema } from './common'
import { unlockInput } from './vault'

export const BACKUP_REASONS = ['manual', 'daily', 'before-update', 'before-key-change'] as const

/** A backup file in the backup folder, by name only (never a path). */
export const backupNameSchema = z
  .string()
  .max(200)
  .regex(/^between-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}Z-[a-z-]+(-[0-9]{1,3})?\.betweenbackup$/, 'must be a backup name from backup.listAvailable')

/** Which backup: one listed in the backup folder, or one the person picks in a dialog. */
export const backupSourceSchema = z.union([z.strictObject({ name: backupNameSchema }), z.strictObject({ choose: z.literal(true) })])

const count = countSchema
export const backupCountsSchema = z.strictObject({
  therapists: count,
  sessions: count,
  reflections: count,
  talkingPoints: count,
  drafts: count,
  contacts: count,
  absences: count,
  rules: count,
  tags: count,
})

const cancelled = z.strictObject({ status: z.literal('cancelled') })

export const backupNowInput = z.strictObject({
  /** Ask where to save even when a backup folder is set. */
  chooseLocation: z.boolean().default(false),
})

export const backupNowResult = z.discriminatedUnion('status', [
  cancelled,
  z.strictObject({
    status: z.literal('written'),
    name: z.string(),
    sizeBytes: count,
    durationMs: count,
    counts: backupCountsSchema,
  }),
])

export const chooseFolderResult = z.discriminatedUnion('status', [cancelled, z.strictObject({ status: z.literal('chosen'), folder: z.string() })])

export const backupListingSchema = z.strictObject({
  name: z.string(),
  createdAt: instantSchema,
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: count,
  /** Complete and its checksum matches. */
  intact: z.boolean(),
  /** Made from the vault in the data folder. */
  sameVault: z.boolean(),
})

export const backupListResult = z.strictObject({
  folder: z.string().nullable(),
  /** Newest first. */
  backups: z.array(backupListingSchema),
  /** The last automatic backup that could not be made (e.g. the folder is on a drive not connected). */
  lastAutomaticFailure: z.strictObject({ at: instantSchema, code: z.string() }).nullable(),
})

export const backupReportSchema = z.strictObject({
  name: z.string(),
  createdAt: instantSchema,
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: count,
  schemaVersion: count,
  fromNewerVersion: z.boolean(),
  sameVault: z.boolean(),
  counts: backupCountsSchema,
  /** The earliest and latest reflection, session or contact in it. */
  firstAt: instantSchema.nullable(),
  lastAt: instantSchema.nullable(),
  /**
   * Rows that link to a record that no longer exists (a foreign key left dangling, e.g. by another
   * tool). Not damage: the backup is complete and can be restored; Settings → Repair lists them.
   */
  danglingReferences: count,
})

/** Without `unlock`, only a backup of the unlocked vault under its current key can be tested. */
export const backupTestInput = z.strictObject({ source: backupSourceSchema, unlock: unlockInput.optional() })

export const backupTestResult = z.discriminatedUnion('status', [cancelled, backupReportSchema.extend({ status: z.literal('tested') })])

/** The passphrase or recovery key that were current when the backup was made. */
export const backupRestoreInput = z.strictObject({ source: backupSourceSchema, unlock: unlockInput })

export const backupRestoreResult = z.discriminatedUnion('status', [
  cancelled,
  backupReportSchema.extend({
    status: z.literal('restored'),
    /** The previous vault folder's new name (beside the data folder), or null if there was none. */
    keptAside: z.string().nullable(),
  }),
])
