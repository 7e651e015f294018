/** 11. No coaching contact for N hours after a logged event, with the agreed alternative. */
import { afterWindows, covers, lowerBound } from '../context'
import { hoursWords } from '../format'
import { notCovered, quote } from '../words'
import { HOUR } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const pauseAfterEvent: Evaluator<'pause_after_event'> = {
  paraphrase: (rule) =>
    `to pause contact for ${hoursWords(rule.params.hours)} after a logged event`,
  check: (rule, ctx) => {
    const span = rule.params.hours * HOUR
    const applies = covers(rule.params.purposes, ctx.purpose)
    // Blocked: [event, event + span) for each logged event.
    const next = (t: number): number | null => afterWindows(ctx.events, span, t)
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        const alternative = rule.params.alternative.trim()
        const instead = alternative ? ` What you agreed to do instead: ${quote(alternative)}` : ''
        return timingOutcome(ctx, next, {
          met: () => `No event in the last ${hoursWords(rule.params.hours)} asks for a pause.`,
          notMet: (until) => {
            const last = ctx.events[lowerBound(ctx.events, ctx.now + 1) - 1]
            const logged = last !== undefined ? `You logged an event ${ctx.words.when(last)}. ` : ''
            const runs =
              until === null
                ? 'The pause runs past the next 60 days.'
                : `The pause runs until ${ctx.words.when(until)}.`
            return `${logged}${runs}${instead}`
          },
        })
      },
    }
  },
}
