import type { RuleBody } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel, Purpose } from '../../../../shared/domain/vocabulary'
import { PURPOSES } from '../../../../shared/domain/vocabulary'
import { agreementsStrings as s, channelNouns, channelWords, dayNames, purposeMany, purposeWords } from './agreements.strings'

const purposesOr = (ps: readonly Purpose[]) => s.list(ps.map((p) => purposeWords[p]), 'or')
const purposesAnd = (ps: readonly Purpose[]) => s.list(ps.map((p) => purposeMany[p]), 'and')
const channelsOr = (cs: readonly ContactChannel[]) => s.list(cs.map((c) => channelWords[c]), 'or')
const capital = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text)
const forPurposes = (ps: readonly Purpose[]) => (ps.length === 0 ? '' : ` for ${purposesAnd(ps)}`)

export function hoursText(hours: number): string {
  if (hours > 72 && hours % 24 === 0) return `${hours / 24} days`
  if (hours === 1) return 'an hour'
  return `${hours} hours`
}

/** "Monday to Friday", "Monday, Wednesday and Friday", "every day". */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  if (sorted.length === 7) return 'every day'
  // A run of three or more consecutive days (Monday-based) reads as a range.
  const mondayFirst = sorted.map((d) => (d + 6) % 7).sort((a, b) => a - b)
  const consecutive = mondayFirst.every((d, i) => i === 0 || d === (mondayFirst[i - 1] as number) + 1)
  if (consecutive && mondayFirst.length >= 3) {
    const first = ((mondayFirst[0] as number) + 1) % 7
    const last = ((mondayFirst[mondayFirst.length - 1] as number) + 1) % 7
    return `${dayNames[first]} to ${dayNames[last]}`
  }
  return s.list(
    mondayFirst.map((d) => dayNames[(d + 1) % 7] as string),
    'and',
  )
}

/** The agreement in one plain sentence, from its kind and params. */
export function ruleSentence(body: RuleBody): string {
  switch (body.kind) {
    case 'buffer_after_session': {
      const { hours, exemptPurposes } = body.params
      const except = exemptPurposes.length > 0 ? `, except ${purposesOr(exemptPurposes)}` : ''
      return `No contact for ${hoursText(hours)} after a session${except}`
    }
    case 'contact_hours': {
      const { windows, exemptPurposes, exemptChannels } = body.params
      const times = s.list(
        windows.map((w) => `${daysText(w.days)}, ${w.start}–${w.end}`),
        'and',
      )
      const exceptions = [
        exemptPurposes.length > 0 ? purposesOr(exemptPurposes) : '',
        exemptChannels.length > 0 ? `by ${channelsOr(exemptChannels)}` : '',
      ].filter(Boolean)
      return `Contact ${times}, their time${exceptions.length ? `; any time for ${exceptions.join(', or ')}` : ''}`
    }
    case 'channel_for_purpose': {
      const { allowed, never } = body.params
      const parts = allowed.map((entry) => `${purposesAnd(entry.purposes)} by ${channelsOr(entry.channels)}`)
      const sentence = parts.length > 0 ? capital(parts.join('; ')) : 'Any way for anything'
      return never.length > 0 ? `${sentence}. Never by ${channelsOr(never)}` : sentence
    }
    case 'clinical_in_session':
      return `${capital(purposesAnd(body.params.purposes))} wait for the session`
    case 'frequency_cap': {
      const { max, period, purposes } = body.params
      return `At most ${max} ${max === 1 ? 'message' : 'messages'} a ${period}${forPurposes(purposes)}`
    }
    case 'length_cap': {
      const { maxChars, channels, alternatives } = body.params
      const nouns = s.list(
        channels.map((c) => channelNouns[c]),
        'and',
      )
      return `${capital(nouns)} under ${maxChars} characters; longer things by ${channelsOr(alternatives)}`
    }
    case 'response_expectation': {
      const { amount, unit, purposes } = body.params
      const span = unit === 'hours' ? hoursText(amount) : `${amount} working ${amount === 1 ? 'day' : 'days'}`
      return `Replies within ${span}${forPurposes(purposes)}; no second message on the same thing before then`
    }
    case 'wait_for_next_session': {
      const { withinDays, exemptPurposes } = body.params
      const except = exemptPurposes.length > 0 ? `, except ${purposesOr(exemptPurposes)}` : ''
      return `When the next session is within ${withinDays === 1 ? 'a day' : `${withinDays} days`}, things wait for it${except}`
    }
    case 'journal_first':
      return `Write it down first, within ${hoursText(body.params.withinHours)} before getting in touch${forPurposes(body.params.purposes)}`
    case 'therapist_away': {
      const { coverPurposes } = body.params
      return coverPurposes.length > 0
        ? `While they are away, ${purposesAnd(coverPurposes)} go to the covering clinician; the rest waits until they are back`
        : 'While they are away, everything waits until they are back'
    }
    case 'pause_after_event': {
      const { hours, purposes, alternative } = body.params
      const instead = alternative.trim() ? `; instead: ${alternative.trim().replace(/\.$/, '')}` : ''
      return `No contact${forPurposes(purposes)} for ${hoursText(hours)} after something big happens${instead}`
    }
    case 'coaching_before_not_after':
      return `Coaching calls are for before a target behaviour; none${forPurposes(body.params.purposes)} for ${hoursText(body.params.hours)} after one, when the crisis plan and medical help come first`
    case 'worksheet': {
      const n = body.params.questions.length
      return `Answer ${n} ${n === 1 ? 'question' : 'questions'} first${forPurposes(body.params.purposes)}`
    }
    case 'custom_confirm':
      return `Check first: “${body.params.prompt.trim()}”`
  }
}

const monthYear = (ms: number, locale: string | undefined, now: number) => {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear()
  return new Intl.DateTimeFormat(locale, sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' }).format(ms)
}
const dayMonth = (ms: number, locale: string | undefined, now: number) => {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear()
  return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' }).format(ms)
}

/** "agreed 3 March, review in June" */
export function ruleMeta(rule: { agreedOn: number | null; reviewBy: number | null }, now: number, locale?: string): string {
  const parts: string[] = []
  if (rule.agreedOn !== null) parts.push(s.meta.agreed(dayMonth(rule.agreedOn, locale, now)))
  if (rule.reviewBy !== null) {
    parts.push(rule.reviewBy <= now ? s.meta.reviewDue(dayMonth(rule.reviewBy, locale, now)) : s.meta.review(monthYear(rule.reviewBy, locale, now)))
  }
  return parts.join(', ')
}

/** "No contact for 2 days after a session, except … — agreed 3 March, review in June" */
export function ruleLine(rule: { body: RuleBody; agreedOn: number | null; reviewBy: number | null }, now: number, locale?: string): string {
  const meta = ruleMeta(rule, now, locale)
  return meta ? `${ruleSentence(rule.body)} — ${meta}` : ruleSentence(rule.body)
}

/** Purposes in their usual order, crisis left out (no rule ever covers it). */
export const RULE_PURPOSES: readonly Purpose[] = PURPOSES.filter((p) => p !== 'crisis')
