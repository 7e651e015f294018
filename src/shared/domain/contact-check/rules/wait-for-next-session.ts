/** 8. If the next scheduled session is within N days, things that are not exempt wait for it. */
import { daysWords } from '../format'
import { PURPOSE_ONE, purposesOr } from '../words'
import { DAY } from '../zone'
import type { Evaluator } from './evaluator'
import { sessionSentence } from './session-words'

export const waitForNextSession: Evaluator<'wait_for_next_session'> = {
  paraphrase: (rule) => {
    const { withinDays, exemptPurposes } = rule.params
    const what =
      exemptPurposes.length > 0 ? `anything other than ${purposesOr(exemptPurposes)}` : 'anything'
    return `to bring ${what} to your session when it is less than ${daysWords(withinDays)} away`
  },
  check: (rule, ctx) => {
    const { withinDays, exemptPurposes } = rule.params
    const applies = ctx.purpose !== 'crisis' && !exemptPurposes.includes(ctx.purpose)
    return {
      applies,
      outcome: () => {
        if (!applies)
          return {
            met: true,
            detail: `This is about ${PURPOSE_ONE[ctx.purpose]}, which does not need to wait for a session.`,
          }
        const next = ctx.nextSession
        if (!next)
          return { met: true, detail: `No session is booked in the next ${daysWords(withinDays)}.` }
        if (next.startsAt - ctx.now > withinDays * DAY) {
          return {
            met: true,
            detail: `Your next session is ${ctx.words.when(next.startsAt)}, more than ${daysWords(withinDays)} away.`,
          }
        }
        return { met: false, detail: sessionSentence(ctx), effect: { type: 'session' } }
      },
    }
  },
}
