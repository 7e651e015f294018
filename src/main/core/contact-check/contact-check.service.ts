import type { z } from 'zod'
import { evaluateContact, historyNeededMs, HORIZON_DAYS, summarizeCrisisPlan, type ContactCheckResult } from '../../../shared/domain/contact-check'
import { toEngineRule } from '../../../shared/domain/rules/stored-rule'
import type { contactCheckInput } from '../../../shared/ipc/contracts/contact-check'
import type { createCrisisPlanService } from '../crisis-plan/crisis-plan.service'
import type { ServiceContext } from '../records/entity.service'
import type { createRulesService } from '../rules/rules.service'
import type { createTherapistsService } from '../therapists/therapists.service'
import { absencesEndingAfter, contactsSince, lastReflectionAt, sessionsBetween } from './contact-check.repo'

const DAY = 86_400_000

interface Deps {
  therapists: ReturnType<typeof createTherapistsService>
  rules: ReturnType<typeof createRulesService>
  crisisPlan: ReturnType<typeof createCrisisPlanService>
}

/** Gathers what the engine needs from the store and asks it. The engine itself is pure. */
export function createContactCheckService(ctx: ServiceContext, deps: Deps) {
  return {
    evaluate(input: z.output<typeof contactCheckInput>): ContactCheckResult {
      const db = ctx.db()
      const now = ctx.clock.now()
      const therapist = deps.therapists.get({ id: input.therapistId })
      const rules = deps.rules.list({ therapistId: therapist.id, includeRetired: false }).map(toEngineRule)
      // Only the history the active rules can look back over (frequency windows, buffers, replies).
      const since = now - historyNeededMs(rules)
      const contacts = contactsSince(db, therapist.id, since)
      const plan = deps.crisisPlan.get()
      return evaluateContact({
        now,
        personZone: input.personZone,
        locale: input.locale,
        therapist: { id: therapist.id, name: therapist.name, timeZone: therapist.timeZone },
        request: input.request,
        rules,
        sessions: sessionsBetween(db, therapist.id, since, now + (HORIZON_DAYS + 1) * DAY),
        contacts,
        lastReflectionAt: lastReflectionAt(db),
        absences: absencesEndingAfter(db, therapist.id, now),
        events: contacts.filter((c) => c.purpose === 'significant_event'),
        crisisPlan: plan.updatedAt === null ? null : summarizeCrisisPlan(plan),
      })
    },
  }
}
