/**
 * DBT's "coaching before, not after": phone coaching is for before a target behaviour. For some
 * hours after one, the therapist asks for no coaching contact. This never closes the crisis path:
 * while the pause runs the verdict is the crisis plan (and medical help), not "wait".
 */
import { hoursWords } from '../format'
import { notCovered } from '../words'
import { afterEventPause } from './after-event-pause'
import type { Evaluator } from './evaluator'

export const COACHING_WORDS = {
  before:
    'Coaching is for before a target behaviour. If you are struggling with an urge right now, reaching out is what this agreement is for.',
  after: (logged: string, hours: string, until: string) =>
    `You logged an event ${logged}. Under this agreement, coaching calls are for before a target behaviour; for ${hours} after one your therapist asks for no coaching contact, until ${until}. That is not about being left alone: right now your crisis plan and medical help come first. If you are hurt, or might be, get medical help now.`,
  paraphrase: (hours: string) => `that coaching contact is for before a target behaviour, and pauses for ${hours} after one`,
} as const

export const coachingBeforeNotAfter: Evaluator<'coaching_before_not_after'> = {
  paraphrase: (rule) => COACHING_WORDS.paraphrase(hoursWords(rule.params.hours)),
  check: (rule, ctx) => {
    const { applies, next, lastEvent, instead } = afterEventPause(rule.params, ctx)
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        const until = next(ctx.now)
        if (until === ctx.now) return { met: true, detail: COACHING_WORDS.before }
        const last = lastEvent ?? ctx.now
        return {
          met: false,
          detail: `${COACHING_WORDS.after(ctx.words.when(last), hoursWords(rule.params.hours), ctx.words.when(until ?? ctx.limit))}${instead}`,
          effect: { type: 'crisis_first' },
          until,
        }
      },
    }
  },
}
