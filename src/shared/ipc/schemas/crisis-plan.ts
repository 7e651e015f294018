import { z } from 'zod'
import { instantSchema, withoutDefaults } from './common'

const item = z.string().trim().min(1).max(1000)
const phone = z.string().max(50)

const personSchema = z.strictObject({ name: z.string().trim().min(1).max(200), phone: phone.default('') })
const placeSchema = z.strictObject({ name: z.string().trim().min(1).max(200), note: z.string().max(500).default('') })
const professionalSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: phone.default(''),
  role: z.string().max(200).default(''),
})
const crisisLineSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: phone.default(''),
  /** An https URL the person chose (a chat service, say). */
  url: z.string().max(500).default(''),
})

/** The Stanley–Brown safety plan structure, in order. */
export const crisisPlanFields = z.strictObject({
  warningSigns: z.array(item).max(50).default([]),
  copingStrategies: z.array(item).max(50).default([]),
  distractions: z.array(placeSchema).max(50).default([]),
  helpers: z.array(personSchema).max(50).default([]),
  professionals: z.array(professionalSchema).max(50).default([]),
  crisisLines: z.array(crisisLineSchema).max(20).default([]),
  emergencyNumber: phone.default(''),
  safeEnvironment: z.array(item).max(50).default([]),
  reasonsToLive: z.array(item).max(50).default([]),
})

export const crisisPlanSchema = crisisPlanFields.extend({ updatedAt: instantSchema.nullable() })

/**
 * The plan as saved from its screen. `base`: the plan as the screen showed it (loaded, or last
 * saved), as with patchOf: a section still equal to its base keeps what is stored (another
 * computer's change), a section changed on both keeps the replaced plan as history.
 */
export const crisisPlanSave = crisisPlanFields.extend({ base: withoutDefaults(crisisPlanFields).optional() })
export type CrisisPlan = z.infer<typeof crisisPlanSchema>
