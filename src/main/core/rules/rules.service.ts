import type { z } from 'zod'
import type { ruleInput, ruleUpdateInput } from '../../../shared/ipc/schemas/rules'
import { CoreError } from '../errors'
import { newId } from '../ids'
import { sinceBase, writeTransaction, type ServiceContext } from '../records/entity.service'
import { deleteRule, getRule, listRules, ruleColumns, ruleHistory, saveRuleVersion, type StoredRule } from './rules.repo'

/** Communication rules. Every change writes a new version; earlier versions stay readable. */
export function createRulesService(ctx: ServiceContext) {
  const changed = () => ctx.events.emit('data.changed', { tables: ['rules', 'rule_versions'] })
  const mustGet = (id: string): StoredRule => {
    const rule = getRule(ctx.db(), id)
    if (!rule) throw new CoreError('NOT_FOUND')
    return rule
  }

  return {
    create(input: z.output<typeof ruleInput>): StoredRule {
      const db = ctx.db()
      const now = ctx.clock.now()
      const { body, therapistId, ...common } = input
      const rule: StoredRule = {
        ...common,
        id: newId(now),
        therapistId,
        body,
        version: 1,
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      }
      writeTransaction(db, () => saveRuleVersion(db, rule))
      changed()
      return rule
    },
    get: ({ id }: { id: string }) => mustGet(id),
    list: (filter: { therapistId: string | null; includeRetired: boolean }) => listRules(ctx.db(), filter),
    /** With a base, only what the person changed since is written (records/entity.service.ts `sinceBase`). */
    update(input: z.output<typeof ruleUpdateInput>): StoredRule {
      const db = ctx.db()
      const now = ctx.clock.now()
      const next = writeTransaction(db, () => {
        const current = mustGet(input.id)
        const { retire, ...patch } = input.patch
        const edited: NonNullable<typeof input.base> = input.body ? { ...patch, body: input.body } : patch
        const { fields, unseen } = input.base ? sinceBase(current, edited, input.base, ['agreementText']) : { fields: edited, unseen: {} }
        // Nothing the person changed since the editor's base: the stored rule stands, no new version.
        if (Object.keys(fields).length === 0 && retire === undefined) return null
        const rule: StoredRule = {
          ...current,
          ...fields,
          retiredAt: retire === undefined ? current.retiredAt : retire ? now : null,
          version: current.version + 1,
          updatedAt: now,
        }
        saveRuleVersion(db, rule)
        const shown = ruleColumns({ ...current, ...unseen }, Object.keys(unseen))
        if (Object.keys(shown).length > 0) ctx.replacedUnseen?.(db, 'rules', rule.id, shown)
        return rule
      })
      if (!next) return mustGet(input.id)
      changed()
      return next
    },
    history: ({ id }: { id: string }) => {
      mustGet(id)
      return ruleHistory(ctx.db(), id)
    },
    delete({ id }: { id: string }) {
      const db = ctx.db()
      if (!writeTransaction(db, () => deleteRule(db, id))) throw new CoreError('NOT_FOUND')
      ctx.checkpoint()
      changed()
      return { id, deleted: true as const }
    },
  }
}
