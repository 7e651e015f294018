/** 11. No coaching contact for N hours after a logged event, with the agreed alternative. */
import { hoursWords } from '../format'
import { notCovered } from '../words'
import { afterEventPause } from './after-event-pause'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const pauseAfterEvent: Evaluator<'pause_after_event'> = {
  paraphrase: (rule) =>
    `to pause contact for ${hoursWords(rule.params.hours)} after a logged event`,
  check: (rule, ctx) => {
    const { applies, next, lastEvent, instead } = afterEventPause(rule.params, ctx)
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        return timingOutcome(ctx, next, {
          met: () => `No event in the last ${hoursWords(rule.params.hours)} asks for a pause.`,
          notMet: (until) => {
            const logged = lastEvent !== undefined ? `You logged an event ${ctx.words.when(lastEvent)}. ` : ''
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
