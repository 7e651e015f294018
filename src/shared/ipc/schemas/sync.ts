import { z } from 'zod'
import { idSchema, instantSchema } from './common'

export const deviceIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be a device ID')
const passphrase = z.string().min(1).max(1024)

export const syncDeviceSchema = z.strictObject({
  id: deviceIdSchema,
  name: z.string(),
  thisDevice: z.boolean(),
  joinedAt: instantSchema,
  /** When this computer last applied a file from that device (null: never, or this device). */
  lastHeardAt: instantSchema.nullable(),
  /** Files from that device present in the folder and not applied yet. */
  waitingFiles: z.number().int().min(0),
  removed: z.boolean(),
})

export const syncStatusSchema = z.union([
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    folder: z.string(),
    deviceId: deviceIdSchema,
    devices: z.array(syncDeviceSchema),
    unsentChanges: z.number().int().min(0),
    /** Conflict copies, placeholders and files in progress that sync leaves alone. */
    ignoredFiles: z.number().int().min(0),
    /** Files this computer missed were compacted away while it was gone: it must rejoin (sync.rejoin). */
    rejoinNeeded: z.boolean(),
    /** The folder is on a network share, whose changes the system does not report: it is listed this often instead (null: watched). */
    checkedEverySeconds: z.number().int().positive().nullable(),
  }),
])

export const syncChooseFolderResult = z.union([
  z.strictObject({ status: z.literal('cancelled') }),
  /** `joining`: the folder already holds Between sync files (enter the passphrase used there). */
  z.strictObject({ status: z.literal('chosen'), folderName: z.string(), joining: z.boolean() }),
])

export const syncEnableInput = z.strictObject({ deviceName: z.string().trim().min(1).max(80), passphrase })

export const syncNowResult = z.strictObject({
  sent: z.number().int().min(0),
  appliedFiles: z.number().int().min(0),
  appliedOps: z.number().int().min(0),
  /** Devices whose next file is in the folder but cannot be applied yet (still arriving). */
  waitingDevices: z.number().int().min(0),
  /** Files this computer missed were compacted away: it must rejoin (sync.rejoin). */
  rejoinNeeded: z.boolean(),
  /** Stopped with `jobs.cancel` ('sync'): what was applied stays, the rest follows next time. */
  stopped: z.boolean(),
})

export const syncRemoveDeviceInput = z.strictObject({ deviceId: deviceIdSchema, passphrase })

export const SYNC_HISTORY_KINDS = ['reflections', 'sessions', 'talking_points', 'drafts', 'contacts', 'absences', 'therapists', 'rules', 'thought_records', 'diary_card_days'] as const
/** An entry by its id, or the crisis plan (its table's one row). */
export const syncHistoryInput = z.union([z.strictObject({ table: z.enum(SYNC_HISTORY_KINDS), id: idSchema }), z.strictObject({ table: z.literal('crisis_plan') })])
export const syncHistoryResult = z.strictObject({
  entries: z.array(
    z.strictObject({
      /** The column whose value lost (snake_case, as stored). */
      field: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      /** When the losing edit was made, by the clock of the computer that made it. */
      at: instantSchema,
    }),
  ),
})

export const syncProgressEvent = z.strictObject({
  op: z.literal('sync'),
  phase: z.enum(['sending', 'applying']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
})
