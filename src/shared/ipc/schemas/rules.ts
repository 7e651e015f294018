import { z } from 'zod'
import { ruleBodySchema, ruleCommonSchema } from '../../domain/rules/rule-kinds'
import { idSchema, instantSchema } from './common'

/** A new rule: which therapist, the agreement's details, and the kind with its params. */
export const ruleInput = ruleCommonSchema.extend({ therapistId: idSchema, body: ruleBodySchema })

/**
 * A changed rule keeps its earlier versions: an update writes a new version. An editor sends
 * `base`, the fields it saves as it showed them, as with patchOf: a field still equal to its base
 * keeps what is stored (another computer's change), the agreement's words merge.
 */
export const ruleUpdateInput = z.strictObject({
  id: idSchema,
  patch: ruleCommonSchema.extend({ retire: z.boolean() }).partial(),
  /** Replace kind and params together. */
  body: ruleBodySchema.optional(),
  base: ruleCommonSchema.extend({ body: ruleBodySchema }).partial().optional(),
})

/** A rule as stored and returned: the agreement, its version, and its kind with params. */
export const ruleSchema = ruleCommonSchema.extend({
  id: idSchema,
  therapistId: idSchema,
  version: z.number().int().min(1),
  /** When the rule was retired (kept for history, no longer checked), or null. */
  retiredAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  body: ruleBodySchema,
})
export type RuleDto = z.infer<typeof ruleSchema>

export const ruleVersionSchema = ruleSchema.extend({ changedAt: instantSchema })
