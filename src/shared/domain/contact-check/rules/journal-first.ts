/** 9. Write it down before sending: a reflection in the last N hours, or the person's word. */
import { covers } from '../context'
import { hoursWords } from '../format'
import { notCovered } from '../words'
import { HOUR } from '../zone'
import type { Evaluator } from './evaluator'

export const journalFirst: Evaluator<'journal_first'> = {
  paraphrase: (rule) =>
    `to write it down first, in a reflection within ${hoursWords(rule.params.withinHours)} before getting in touch`,
  check: (rule, ctx) => {
    const applies = covers(rule.params.purposes, ctx.purpose)
    return {
      applies,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        const last = ctx.lastReflectionAt
        if (last !== null && ctx.now - last <= rule.params.withinHours * HOUR) {
          return { met: true, detail: `You wrote a reflection ${ctx.words.when(last)}.` }
        }
        if (ctx.request.journaled || ctx.confirmed.has(rule.id)) {
          return { met: true, detail: 'You have said you wrote it down first.' }
        }
        return {
          met: false,
          detail: 'If you have written it down already, you can say so here.',
          effect: { type: 'confirm', text: 'I have written it down first.' },
        }
      },
    }
  },
}
