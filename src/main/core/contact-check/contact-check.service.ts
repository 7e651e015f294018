import type { z } from 'zod'
import {
  evaluateSnapshot,
  historyNeededMs,
  SESSIONS_AHEAD_MS,
  summarizeCrisisPlan,
  type ContactCheckResult,
  type ContactCheckSnapshot,
} from '../../../shared/domain/contact-check'
import type { Rule } from '../../../shared/domain/rules/rule-kinds'
import { toEngineRule } from '../../../shared/domain/rules/stored-rule'
import type { contactCheckInput, contactCheckInputsInput } from '../../../shared/ipc/contracts/contact-check'
import type { createCrisisPlanService } from '../crisis-plan/crisis-plan.service'
import type { ServiceContext } from '../records/entity.service'
import type { createRulesService } from '../rules/rules.service'
import type { createTherapistsService } from '../therapists/therapists.service'
import { absencesEndingAfter, contactsSince, lastReflectionAt, sessionsBetween, totalChanges } from './contact-check.repo'

interface Deps {
  therapists: ReturnType<typeof createTherapistsService>
  rules: ReturnType<typeof createRulesService>
  crisisPlan: ReturnType<typeof createCrisisPlanService>
}

/** Gathers what the engine needs from the store and asks it. The engine itself is pure. */
export function createContactCheckService(ctx: ServiceContext, deps: Deps) {
  // The check runs on every keystroke; the rules change rarely. They are kept until this
  // connection writes anything at all (or another connection replaces it, e.g. after a restore).
  let cached: { db: unknown; changes: number; therapistId: string; rules: Rule[] } | null = null
  const rulesFor = (db: Parameters<typeof totalChanges>[0], therapistId: string): Rule[] => {
    const changes = totalChanges(db)
    if (cached && cached.db === db && cached.changes === changes && cached.therapistId === therapistId) return cached.rules
    const rules = deps.rules.list({ therapistId, includeRetired: false }).map(toEngineRule)
    cached = { db, changes, therapistId, rules }
    return rules
  }

  /** Everything the check reads for this therapist, as of now: one source for both channels. */
  function gather(input: z.output<typeof contactCheckInputsInput>): ContactCheckSnapshot {
    const db = ctx.db()
    const now = ctx.clock.now()
    const therapist = deps.therapists.get({ id: input.therapistId })
    const rules = rulesFor(db, therapist.id)
    // Only the history the active rules can look back over (frequency windows, buffers, replies).
    const since = now - historyNeededMs(rules)
    // The plan is read only when it is asked for: only a crisis answer shows it.
    const plan = input.withCrisisPlan ? deps.crisisPlan.get() : null
    return {
      gatheredAt: now,
      therapist: { id: therapist.id, name: therapist.name, timeZone: therapist.timeZone },
      rules,
      sessions: sessionsBetween(db, therapist.id, since, now + SESSIONS_AHEAD_MS),
      contacts: contactsSince(db, therapist.id, since),
      lastReflectionAt: lastReflectionAt(db),
      absences: absencesEndingAfter(db, therapist.id, now),
      crisisPlan: plan === null || plan.updatedAt === null ? null : summarizeCrisisPlan(plan),
    }
  }

  return {
    inputs: gather,
    evaluate(input: z.output<typeof contactCheckInput>): ContactCheckResult {
      // The plan is shown for the crisis purpose, and while "coaching before, not after" pauses.
      const withCrisisPlan =
        input.request.purpose === 'crisis' || rulesFor(ctx.db(), input.therapistId).some((r) => r.kind === 'coaching_before_not_after')
      const snapshot = gather({ therapistId: input.therapistId, withCrisisPlan })
      return evaluateSnapshot(snapshot, {
        now: snapshot.gatheredAt,
        personZone: input.personZone,
        locale: input.locale,
        request: input.request,
      })
    },
  }
}
