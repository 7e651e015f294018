import { z } from 'zod'
import { byId, deleted, idSchema } from '../schemas/common'
import { ruleInput, ruleSchema, ruleUpdateInput, ruleVersionSchema } from '../schemas/rules'
import { channel } from './channel'

export const rulesContract = {
  'rules.create': channel(ruleInput, ruleSchema),
  'rules.get': channel(byId, ruleSchema),
  'rules.list': channel(
    z.strictObject({ therapistId: idSchema.nullable().default(null), includeRetired: z.boolean().default(false) }),
    z.array(ruleSchema),
  ),
  'rules.update': channel(ruleUpdateInput, ruleSchema),
  'rules.delete': channel(byId, deleted),
  'rules.history': channel(byId, z.array(ruleVersionSchema)),
} as const
