import { z } from 'zod'
import { prefsPatchSchema, prefsSchema } from '../../prefs'
import { emptyInput } from '../schemas/common'
import { channel } from './channel'

export const prefsContract = {
  /** corruptedAtStart: the stored preferences could not be read and defaults are in use. */
  'prefs.get': channel(emptyInput, z.strictObject({ prefs: prefsSchema, corruptedAtStart: z.boolean() })),
  'prefs.set': channel(prefsPatchSchema, prefsSchema),
} as const
