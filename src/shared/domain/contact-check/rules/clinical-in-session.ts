/** 4. Clinical content stays in session: for listed purposes, bring it to the next session. */
import { notCovered, purposesAnd } from '../words'
import type { Evaluator } from './evaluator'
import { sessionSentence } from './session-words'

export const clinicalInSession: Evaluator<'clinical_in_session'> = {
  paraphrase: (rule) => `to keep ${purposesAnd(rule.params.purposes)} for your sessions`,
  check: (rule, ctx) => {
    const applies = ctx.purpose !== 'crisis' && rule.params.purposes.includes(ctx.purpose)
    return {
      applies,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        return { met: false, detail: sessionSentence(ctx), effect: { type: 'session' } }
      },
    }
  },
}
