/**
 * 7. The therapist replies within N hours or business days; a second message on the same matter
 * before then, with no reply yet, is discouraged. Same matter: the same matterKey when the request
 * has one, otherwise the same purpose. Any received contact counts as the reply.
 */
import type { Interval } from '../context'
import { covers, lowerBound, skipIntervals, upperBound } from '../context'
import { hoursWords } from '../format'
import type { CheckContact } from '../types'
import { notCovered } from '../words'
import { DAY, HOUR } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const responseExpectation: Evaluator<'response_expectation'> = {
  paraphrase: (rule) =>
    `that your therapist replies within ${amountWords(rule.params.amount, rule.params.unit)}, and to wait for that before writing again about the same thing`,
  check: (rule, ctx) => {
    const { amount, unit, purposes } = rule.params
    const applies = covers(purposes, ctx.purpose)
    const key = ctx.request.matterKey
    const same = (c: CheckContact): boolean =>
      key ? c.matterKey === key : c.purpose === ctx.purpose
    const deadline = (at: number): number =>
      unit === 'hours' ? at + amount * HOUR : ctx.therapistZone.addBusinessDays(at, amount)

    // A deadline is never later than this after the message (weekends and a clock change included).
    const longest = unit === 'hours' ? amount * HOUR : (Math.ceil(amount / 5) * 7 + 3) * DAY + HOUR

    // Blocked: [sent, min(deadline, first reply after it)) for each message on this matter.
    // Only instants from now on are ever asked about, so intervals over by now are left out.
    let intervals: Interval[] | null = null
    const blocked = (): Interval[] => {
      if (intervals) return intervals
      intervals = []
      for (let i = lowerBound(ctx.sentTimes, ctx.now - longest); i < ctx.sent.length; i++) {
        const c = ctx.sent[i] as CheckContact
        if (!same(c)) continue
        const reply = ctx.received[upperBound(ctx.received, c.at)] ?? Infinity
        if (reply <= ctx.now) continue
        const stop = Math.min(deadline(c.at), reply)
        if (stop > ctx.now) intervals.push({ start: c.at, end: stop })
      }
      return intervals
    }
    const next = (t: number): number | null => skipIntervals(blocked(), t)

    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        return timingOutcome(ctx, next, {
          met: () => 'There is no message about this still waiting for a reply.',
          notMet: (until) => {
            const waiting = blocked().filter((iv) => iv.start <= ctx.now && ctx.now < iv.end)
            const last = waiting[waiting.length - 1]
            const when = last ? ` on ${ctx.words.when(last.start)}` : ''
            return until === null
              ? `You wrote about this${when} and there has been no reply yet.`
              : `You wrote about this${when} and there has been no reply yet. The time you agreed runs until ${ctx.words.when(until)}.`
          },
        })
      },
    }
  },
}

function amountWords(amount: number, unit: 'hours' | 'business_days'): string {
  if (unit === 'hours') return hoursWords(amount)
  const n = Math.round(amount * 100) / 100
  return `${n} business ${n === 1 ? 'day' : 'days'}`
}
