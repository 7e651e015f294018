import { z } from 'zod'

/**
 * Preferences: how the app looks and behaves. They are stored in plain JSON outside the vault,
 * so they hold NOTHING private: no notes, no names, no therapist details. The one exception,
 * by product decision and opt-in only, is the crisis line and emergency number the person
 * chose to show on the lock screen (showCrisisOnLockScreen) — a crisis must never wait for a
 * passphrase.
 */

export const THEMES = ['system', 'light', 'dark'] as const
export const WEEK_STARTS = [0, 1, 6] as const
export const TIME_FORMATS = ['12h', '24h', 'locale'] as const

export const LOCK_TIMEOUT_MIN = 1
export const LOCK_TIMEOUT_MAX = 60

/** Digits and the few characters a dialler understands; never free text. */
export const dialableSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()*#.-]{0,31}$/, 'must be a phone number')

const coordinate = z.number().int().min(-100_000).max(100_000)
const extent = z.number().int().min(100).max(100_000)

export const windowBoundsSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  maximized: z.boolean(),
})
export type WindowBounds = z.infer<typeof windowBoundsSchema>

export const lockScreenCrisisLineSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: dialableSchema,
})

/** Every preference, each with its own validator (no defaults here: see DEFAULT_PREFS). */
export const prefsFields = {
  theme: z.enum(THEMES),
  /** Minutes without activity before the vault locks; null = only when I lock. */
  lockTimeoutMinutes: z.number().int().min(LOCK_TIMEOUT_MIN).max(LOCK_TIMEOUT_MAX).nullable(),
  /** Asks the OS to keep the window out of screenshots and screen sharing (Windows, macOS). */
  contentProtection: z.boolean(),
  windowBounds: windowBoundsSchema.nullable(),
  /** 0 = Sunday, 1 = Monday, 6 = Saturday. */
  weekStart: z.union([z.literal(0), z.literal(1), z.literal(6)]),
  timeFormat: z.enum(TIME_FORMATS),
  backupFolder: z.string().min(1).max(4096).nullable(),
  showCrisisOnLockScreen: z.boolean(),
  lockScreenCrisisLine: lockScreenCrisisLineSchema.nullable(),
  emergencyNumber: dialableSchema.nullable(),
} as const

export const prefsSchema = z.strictObject(prefsFields)
export type Prefs = z.infer<typeof prefsSchema>
export type PrefKey = keyof Prefs

/** A change: any subset of the preferences, at least one. */
export const prefsPatchSchema = z
  .strictObject(prefsFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change')
export type PrefsPatch = z.infer<typeof prefsPatchSchema>

/**
 * What the renderer may change with prefs.set: everything but where files go. The backup folder
 * is set only by the main process, from its own folder dialog (backup.chooseFolder).
 */
export const rendererPrefsPatchSchema = z
  .strictObject(prefsFields)
  .omit({ backupFolder: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change')

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({
  theme: 'system',
  lockTimeoutMinutes: 5,
  contentProtection: false,
  windowBounds: null,
  weekStart: 1,
  timeFormat: 'locale',
  backupFolder: null,
  showCrisisOnLockScreen: false,
  lockScreenCrisisLine: null,
  emergencyNumber: null,
})

const PREF_KEYS = Object.keys(prefsFields) as PrefKey[]

export interface ReadPrefsResult {
  prefs: Prefs
  /** True when stored data was unreadable or a stored value was invalid and was replaced. */
  corrupted: boolean
}

/**
 * Reads preferences as stored (unknown JSON) field by field: a valid value is kept, an invalid
 * one falls back to its default and marks the result corrupted; a missing one takes its default
 * quietly (a newer version added it); unknown keys are dropped (nothing unexpected is ever kept).
 */
export function readPrefs(stored: unknown): ReadPrefsResult {
  if (stored === undefined || stored === null) return { prefs: { ...DEFAULT_PREFS }, corrupted: false }
  if (typeof stored !== 'object' || Array.isArray(stored)) return { prefs: { ...DEFAULT_PREFS }, corrupted: true }
  const record = stored as Record<string, unknown>
  const prefs: Record<string, unknown> = { ...DEFAULT_PREFS }
  let corrupted = false
  for (const key of PREF_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || record[key] === undefined) continue
    const parsed = prefsFields[key].safeParse(record[key])
    if (parsed.success) prefs[key] = parsed.data
    else corrupted = true
  }
  return { prefs: prefsSchema.parse(prefs), corrupted }
}

/** Applies a validated patch; throws a ZodError for an invalid one (callers validate first). */
export const applyPrefsPatch = (current: Prefs, patch: PrefsPatch): Prefs =>
  prefsSchema.parse({ ...current, ...prefsPatchSchema.parse(patch) })
