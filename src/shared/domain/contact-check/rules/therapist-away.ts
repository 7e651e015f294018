/**
 * 10. While the therapist is away (the absences list), the cover purposes go to the covering
 * clinician; the rest wait until the therapist is back. Absences are half-open: [startsAt, endsAt).
 */
import { skipIntervals } from '../context'
import type { CheckAbsence } from '../types'
import { purposesOr } from '../words'
import { DAY } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

export const therapistAway: Evaluator<'therapist_away'> = {
  paraphrase: (rule) => {
    const cover = rule.params.coverPurposes
    return cover.length > 0
      ? `that while your therapist is away, ${purposesOr(cover)} goes to the clinician covering for them, and the rest waits until they are back`
      : 'that while your therapist is away, things wait until they are back'
  },
  check: (rule, ctx) => {
    const applies = ctx.purpose !== 'crisis'
    const intervals = ctx.absences.map((a) => ({ start: a.startsAt, end: a.endsAt }))
    const next = (t: number): number | null => skipIntervals(intervals, t)
    const current = (): CheckAbsence | undefined => {
      let found: CheckAbsence | undefined
      for (const a of ctx.absences)
        if (a.startsAt <= ctx.now && ctx.now < a.endsAt && (!found || a.endsAt > found.endsAt))
          found = a
      return found
    }
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        const w = ctx.words
        const away = current()
        const covering = away !== undefined && rule.params.coverPurposes.includes(ctx.purpose)
        const note = rule.params.note.trim() ? ` ${rule.params.note.trim()}` : ''
        return timingOutcome(
          ctx,
          next,
          {
            met: () => {
              const soon = ctx.absences.find(
                (a) => a.startsAt > ctx.now && a.startsAt - ctx.now < 7 * DAY,
              )
              return soon
                ? `Your therapist is here now. They will be away from ${w.when(soon.startsAt)} to ${w.when(soon.endsAt)}.`
                : 'Your therapist is not away now.'
            },
            notMet: (until) => {
              const back =
                until === null ? 'for the next 60 days or more' : `until ${w.when(until)}`
              if (covering && away) {
                const who = away.coveringName.trim() || 'the clinician covering for them'
                const how = away.coveringContact.trim() ? ` (${away.coveringContact.trim()})` : ''
                return `Your therapist is away ${back}. For this, you agreed to contact ${who}${how}.${note}`
              }
              return `Your therapist is away ${back}. This can wait until they are back.${note}`
            },
          },
          covering && away ? { type: 'covering', absence: away } : { type: 'wait' },
        )
      },
    }
  },
}
