/** 13. A custom item to confirm, in the person's own words. */
import { covers } from '../context'
import { notCovered, quote } from '../words'
import type { Evaluator } from './evaluator'

export const customConfirm: Evaluator<'custom_confirm'> = {
  paraphrase: () => 'to check one thing of your own before getting in touch',
  check: (rule, ctx) => {
    const applies = covers(rule.params.purposes, ctx.purpose)
    return {
      applies,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        if (ctx.confirmed.has(rule.id)) return { met: true, detail: 'You have checked it.' }
        return {
          met: false,
          detail: `Your words: ${quote(rule.params.prompt)}`,
          effect: { type: 'confirm', text: rule.params.prompt.trim() },
        }
      },
    }
  },
}
