import type { z } from 'zod'
import { crisisPlanFields, type CrisisPlan, type crisisPlanSave } from '../../../shared/ipc/schemas/crisis-plan'
import { sinceBase, writeTransaction, type ServiceContext } from '../records/entity.service'
import { CRISIS_PLAN_ROW, readCrisisPlan, writeCrisisPlan } from './crisis-plan.repo'

type Plan = z.output<typeof crisisPlanFields>

export function createCrisisPlanService(ctx: ServiceContext) {
  const get = (): CrisisPlan => {
    const stored = readCrisisPlan(ctx.db())
    if (!stored) return { ...crisisPlanFields.parse({}), updatedAt: null }
    return { ...crisisPlanFields.parse(JSON.parse(stored.plan)), updatedAt: stored.updatedAt }
  }
  return {
    get,
    /**
     * With a base, only the sections the person changed since are written (records/entity.service.ts
     * `sinceBase`); a section another computer changed meanwhile and the person changed too: the
     * save wins and the plan it replaces is kept as history.
     */
    save({ base, ...plan }: z.output<typeof crisisPlanSave>): CrisisPlan {
      const db = ctx.db()
      const now = ctx.clock.now()
      const wrote = writeTransaction(db, () => {
        const stored = readCrisisPlan(db)
        const shown = stored ? crisisPlanFields.parse(JSON.parse(stored.plan)) : null
        const { fields, unseen } = shown && base ? sinceBase<Partial<Plan>>(shown, plan, base, []) : { fields: plan, unseen: {} }
        // Nothing the person changed since the screen's base: the stored plan stands untouched.
        if (Object.keys(fields).length === 0) return false
        writeCrisisPlan(db, JSON.stringify({ ...shown, ...fields }), now)
        if (Object.keys(unseen).length > 0) ctx.replacedUnseen?.(db, 'crisis_plan', CRISIS_PLAN_ROW, { plan: JSON.stringify({ ...shown, ...unseen }) })
        return true
      })
      if (wrote) ctx.events.emit('data.changed', { tables: ['crisis_plan'] })
      return get()
    },
  }
}
