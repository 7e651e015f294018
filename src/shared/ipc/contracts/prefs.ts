import { z } from 'zod'
import { prefsSchema, rendererPrefsPatchSchema } from '../../prefs'
import { emptyInput } from '../schemas/common'
import { channel } from './channel'

export const prefsContract = {
  /** corruptedAtStart: the stored preferences could not be read and defaults are in use. */
  'prefs.get': channel(emptyInput, z.strictObject({ prefs: prefsSchema, corruptedAtStart: z.boolean() })),
  /** Not the backup folder: only the main process's folder dialog sets it (backup.chooseFolder). */
  'prefs.set': channel(rendererPrefsPatchSchema, prefsSchema),
} as const
