/** 5. At most N sent messages per day or week for the listed purposes, from the contact log. */
import { covers, lowerBound, upperBound } from '../context'
import { zoneCity } from '../format'
import { notCovered, purposesAnd } from '../words'
import { DAY } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const frequencyCap: Evaluator<'frequency_cap'> = {
  paraphrase: (rule) => {
    const { max, period, counting, purposes } = rule.params
    const n = max === 1 ? 'one message' : `${max} messages`
    const per =
      counting === 'rolling'
        ? period === 'day'
          ? 'in any 24 hours'
          : 'in any 7 days'
        : period === 'day'
          ? 'a day'
          : 'a week'
    const about = purposes.length > 0 ? ` about ${purposesAnd(purposes)}` : ''
    return `to send at most ${n}${about} ${per}`
  },
  check: (rule, ctx) => {
    const { max, period, counting, purposes } = rule.params
    const applies = covers(purposes, ctx.purpose)
    const zone = ctx.therapistZone
    // Sent contacts this rule counts, as sorted times.
    const times: number[] = []
    for (const c of ctx.sent) if (covers(purposes, c.purpose)) times.push(c.at)
    const span = period === 'day' ? DAY : 7 * DAY

    /** How many counted messages fall in the period that holds t, up to and including t. */
    const countAt = (t: number): number => {
      const from =
        counting === 'rolling'
          ? upperBound(times, t - span) // (t - span, t]
          : lowerBound(times, period === 'day' ? zone.startOfDay(t) : zone.startOfWeek(t)) // [start, t]
      return upperBound(times, t) - from
    }

    const next = (t: number): number | null => {
      for (let guard = 0; guard < 10_000 && t <= ctx.limit; guard++) {
        if (countAt(t) < max) return t
        if (counting === 'rolling') {
          // The oldest message in the window drops out span after it was sent.
          t = (times[upperBound(times, t - span)] as number) + span
        } else {
          t = period === 'day' ? zone.startOfNextDay(t) : zone.startOfNextWeek(t)
        }
      }
      return null
    }

    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) return { met: true, detail: notCovered(ctx.purpose) }
        const count = countAt(ctx.now)
        const where =
          counting === 'rolling'
            ? period === 'day'
              ? 'in the last 24 hours'
              : 'in the last 7 days'
            : `${period === 'day' ? 'today' : 'this week'}${ctx.zonesDiffer ? ` (${zoneCity(zone.name)} time)` : ''}`
        const sentWords = `You have sent ${count === 1 ? 'one' : count} ${where}`
        return timingOutcome(ctx, next, {
          met: () => `${sentWords}, so there is room for this one.`,
          notMet: (until) =>
            until === null
              ? `${sentWords}; no time in the next 60 days has room.`
              : `${sentWords}; the next one fits from ${ctx.words.when(until)}.`,
        })
      },
    }
  },
}
