import type { z } from 'zod'
import { crisisPlanFields, type CrisisPlan } from '../../../shared/ipc/schemas/crisis-plan'
import type { ServiceContext } from '../records/entity.service'
import { readCrisisPlan, writeCrisisPlan } from './crisis-plan.repo'

export function createCrisisPlanService(ctx: ServiceContext) {
  return {
    get(): CrisisPlan {
      const stored = readCrisisPlan(ctx.db())
      if (!stored) return { ...crisisPlanFields.parse({}), updatedAt: null }
      return { ...crisisPlanFields.parse(JSON.parse(stored.plan)), updatedAt: stored.updatedAt }
    },
    save(plan: z.output<typeof crisisPlanFields>): CrisisPlan {
      const now = ctx.clock.now()
      writeCrisisPlan(ctx.db(), JSON.stringify(plan), now)
      ctx.events.emit('data.changed', { tables: ['crisis_plan'] })
      return { ...plan, updatedAt: now }
    },
  }
}
