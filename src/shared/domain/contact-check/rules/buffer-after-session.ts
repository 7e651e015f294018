/** 1. No non-urgent contact for N hours after a session ends; listed purposes are exempt. */
import { afterWindows, end, upperBound } from '../context'
import { hoursWords } from '../format'
import { notCovered, purposesOr } from '../words'
import { HOUR } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const bufferAfterSession: Evaluator<'buffer_after_session'> = {
  paraphrase: (rule) => {
    const { hours, exemptPurposes } = rule.params
    const what =
      exemptPurposes.length > 0 ? `anything other than ${purposesOr(exemptPurposes)}` : 'anything'
    return `to wait ${hoursWords(hours)} after a session for ${what}`
  },
  check: (rule, ctx) => {
    const span = rule.params.hours * HOUR
    const applies = ctx.purpose !== 'crisis' && !rule.params.exemptPurposes.includes(ctx.purpose)
    // Blocked: [end, end + span) for every scheduled or attended session.
    const next = (t: number): number | null => afterWindows(ctx.sessionEnds, span, t)
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        const w = ctx.words
        return timingOutcome(ctx, next, {
          met: () => {
            const last = ctx.sessions[upperBound(ctx.sessionEnds, ctx.now) - 1]
            return last
              ? `Your last session ended ${w.when(end(last))}, more than ${hoursWords(rule.params.hours)} ago.`
              : 'There is no recent session, so there is nothing to wait for.'
          },
          notMet: (until) => {
            // The session whose buffer holds now.
            const i = upperBound(ctx.sessionEnds, ctx.now) - 1
            const s = ctx.sessions[i]
            const hours = hoursWords(rule.params.hours)
            if (!s || until === null)
              return 'With the sessions coming up, the wait runs past the next 60 days.'
            const own = end(s) + span
            return own === until
              ? `Your session ended ${w.when(end(s))}; ${hours} end ${w.when(own)}.`
              : `Your session ended ${w.when(end(s))}; with the session after it, the wait ends ${w.when(until)}.`
          },
        })
      },
    }
  },
}
