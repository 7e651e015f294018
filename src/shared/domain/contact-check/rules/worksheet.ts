/** 12. Questions to answer before contact. */
import { covers } from '../context'
import { notCovered } from '../words'
import type { Evaluator } from './evaluator'

export const worksheet: Evaluator<'worksheet'> = {
  paraphrase: () => 'to answer a few questions before getting in touch',
  check: (rule, ctx) => {
    const applies = covers(rule.params.purposes, ctx.purpose)
    return {
      applies,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        if (ctx.request.worksheetAnswered || ctx.confirmed.has(rule.id)) {
          return { met: true, detail: 'You have answered the questions.' }
        }
        const questions = rule.params.questions.join(' ')
        return {
          met: false,
          detail: `The questions: ${questions}`,
          effect: { type: 'confirm', text: 'I have answered the questions first.' },
        }
      },
    }
  },
}
