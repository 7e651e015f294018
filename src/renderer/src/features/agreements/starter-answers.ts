/** The starter walk-through's answers: the agreements they describe, and the answers in words. */
import type { StarterQuestionId } from '../../../../shared/domain/rules/starter-questions'
import type { RuleBody, WeeklyWindow } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel, Purpose, Severity } from '../../../../shared/domain/vocabulary'
import { agreementsStrings, purposeWords } from './agreements.strings'
import { groupAllowed } from './ParamsEditor'
import { ruleSentence } from './rule-sentence'

const t = agreementsStrings.starterFlow

export interface StarterAnswers {
  buffer: { hours: number; exceptUrgent: boolean } | null
  hours: { any: true } | { any: false; window: WeeklyWindow } | null
  channels: Partial<Record<Purpose, ContactChannel[]>> | null
  urgent: { purposes: Purpose[]; ownWords: string }
  reply: { amount: number; unit: 'hours' | 'business_days' } | null
  away: 'cover' | 'wait' | null
}

export const EMPTY_ANSWERS: StarterAnswers = {
  buffer: null,
  hours: null,
  channels: null,
  urgent: { purposes: ['concern', 'significant_event'], ownWords: '' },
  reply: null,
  away: null,
}

/** The rules the answers describe (one per answered question), ready for rules.create. */
export function rulesFromAnswers(a: StarterAnswers): Array<{ body: RuleBody; severity: Severity; agreementText: string }> {
  const out: Array<{ body: RuleBody; severity: Severity; agreementText: string }> = []
  const urgentWords = a.urgent.ownWords.trim()
  if (a.buffer && a.buffer.hours > 0) {
    out.push({
      body: { kind: 'buffer_after_session', params: { hours: a.buffer.hours, exemptPurposes: a.buffer.exceptUrgent ? a.urgent.purposes : [] } },
      severity: 'block',
      agreementText: a.buffer.exceptUrgent ? urgentWords : '',
    })
  }
  if (a.hours && !a.hours.any) {
    out.push({
      body: { kind: 'contact_hours', params: { windows: [a.hours.window], exemptPurposes: [], exemptChannels: [] } },
      severity: 'block',
      agreementText: '',
    })
  }
  if (a.channels) {
    const allowed = groupAllowed(new Map(Object.entries(a.channels) as Array<[Purpose, ContactChannel[]]>))
    if (allowed.length > 0) out.push({ body: { kind: 'channel_for_purpose', params: { allowed, never: [] } }, severity: 'block', agreementText: '' })
  }
  if (a.reply) {
    out.push({ body: { kind: 'response_expectation', params: { amount: a.reply.amount, unit: a.reply.unit, purposes: [] } }, severity: 'warn', agreementText: '' })
  }
  if (a.away) {
    out.push({
      body: { kind: 'therapist_away', params: { coverPurposes: a.away === 'cover' ? a.urgent.purposes : [], note: '' } },
      severity: 'block',
      agreementText: a.away === 'cover' ? urgentWords : '',
    })
  }
  return out
}

/**
 * The walk-through's answers in words, one per question answered (skipped ones are left out),
 * as they are kept in the vault for the "How we keep in touch" sheet.
 */
export function starterAnswerWords(a: StarterAnswers): Array<{ questionId: StarterQuestionId; answer: string }> {
  // One question at a time (with the urgent answer the others refer to): its own agreements.
  const sentences = (only: Partial<StarterAnswers>) =>
    rulesFromAnswers({ ...EMPTY_ANSWERS, urgent: a.urgent, ...only }).map((r) => `${ruleSentence(r.body)}.`)
  const words: Array<{ questionId: StarterQuestionId; answer: string }> = []
  const add = (questionId: StarterQuestionId, parts: readonly string[]) => {
    const answer = parts.join(' ').trim()
    if (answer) words.push({ questionId, answer })
  }
  if (a.buffer) add('buffer', a.buffer.hours === 0 ? [`${t.buffer.options['0']}.`] : sentences({ buffer: a.buffer }))
  if (a.hours) add('hours', a.hours.any ? [`${t.hours.any}.`] : sentences({ hours: a.hours }))
  if (a.channels) add('channels', sentences({ channels: a.channels }))
  const own = a.urgent.ownWords.trim()
  add('urgent', [
    a.urgent.purposes.length > 0 ? t.urgent.answer(a.urgent.purposes.map((p) => purposeWords[p])) : '',
    own ? t.urgent.inTheirWords(own) : '',
  ])
  if (a.reply) add('reply', sentences({ reply: a.reply }))
  if (a.away) add('away', [`${a.away === 'cover' ? t.away.cover : t.away.wait}.`])
  return words
}
