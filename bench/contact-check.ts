/**
 * The contact check engine: 50 active rules (every kind, several of each) and a 10,000-entry
 * contact log over about two years, as the renderer would run it on each keystroke.
 */
import { defaultRuleParams, RULE_KINDS } from '../src/shared/domain/rules/rule-kinds'
import type { Rule, RuleKind } from '../src/shared/domain/rules/rule-kinds'
import { evaluateContact } from '../src/shared/domain/contact-check'
import type { CheckContact, ContactCheckInput } from '../src/shared/domain/contact-check'
import { CHANNELS, PURPOSES } from '../src/shared/domain/vocabulary'
import type { Figure } from './measure'
import { summarize, timeRuns } from './measure'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A small deterministic generator, so every run measures the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

function rules(count: number): Rule[] {
  const out: Rule[] = []
  for (let i = 0; i < count; i++) {
    const kind = RULE_KINDS[i % RULE_KINDS.length] as RuleKind
    out.push({
      kind,
      params: defaultRuleParams(kind),
      id: `rule-${i}`,
      therapistId: 't1',
      version: 1,
      // A third of them only warn or inform, as a real set would.
      severity: i % 3 === 0 ? 'block' : i % 3 === 1 ? 'warn' : 'block',
      agreementText: i % 2 === 0 ? 'As we agreed in session, in my own words.' : '',
      agreedOn: Date.UTC(2026, 0, 10 + (i % 20)),
      reviewBy: null,
      active: true,
    } as Rule)
  }
  return out
}

function contacts(count: number, end: number): CheckContact[] {
  const rnd = lcg(42)
  const out: CheckContact[] = []
  const span = 730 * DAY
  for (let i = 0; i < count; i++) {
    const at = end - span + Math.floor((i / count) * span) + Math.floor(rnd() * HOUR)
    const sent = rnd() < 0.6
    out.push({
      direction: sent ? 'sent' : 'received',
      channel: CHANNELS[Math.floor(rnd() * 5)] as CheckContact['channel'],
      purpose: PURPOSES[Math.floor(rnd() * 6)] as CheckContact['purpose'],
      at,
    })
  }
  return out
}

export function scenario(
  now: number,
  purpose: ContactCheckInput['request']['purpose'],
): ContactCheckInput {
  const sessions = []
  for (let w = -104; w <= 8; w++) {
    sessions.push({
      id: `s${w}`,
      startsAt: Date.UTC(2026, 2, 10, 17) + w * 7 * DAY,
      durationMinutes: 50,
      status: w <= 0 ? ('attended' as const) : ('scheduled' as const),
    })
  }
  return {
    now,
    personZone: 'America/New_York',
    therapist: { id: 't1', name: 'Sam', timeZone: 'Europe/London' },
    request: { purpose, channel: 'portal', draftText: 'I wanted to say thank you for today.' },
    rules: rules(50),
    sessions,
    contacts: contacts(10_000, now),
    reflections: [{ createdAt: now - 30 * HOUR }],
    absences: [
      {
        id: 'a1',
        startsAt: Date.UTC(2026, 3, 1),
        endsAt: Date.UTC(2026, 3, 10),
        coveringName: 'Dr Lee',
        coveringContact: '0100',
      },
    ],
    events: [{ at: now - 50 * HOUR }],
    crisisPlan: null,
  }
}

function measure(name: string, input: ContactCheckInput, note: string): Figure {
  // As the person types, the draft changes and the clock moves on (a keystroke every 250 ms);
  // the rules, sessions and contact log stay the same.
  const drafts = Array.from({ length: 64 }, (_, i) =>
    'I wanted to say thank you for today. '.repeat(1 + (i % 16)),
  )
  const samples = timeRuns(
    (i) => {
      evaluateContact({
        ...input,
        now: input.now + i * 250,
        request: { ...input.request, draftText: drafts[i % drafts.length] },
      })
    },
    2000,
    300,
  )
  return { name, unit: 'ms', ...summarize(samples), note }
}

export default async function contactCheck(): Promise<Figure[]> {
  // Wednesday 11 March 2026 10:00 London, the day after a session.
  const wednesday = Date.UTC(2026, 2, 11, 10)
  // Tuesday 10 March 2026 21:30 London: inside the buffer, outside contact hours; the solver iterates.
  const tuesdayNight = Date.UTC(2026, 2, 10, 21, 30)
  const figures = [
    measure(
      'evaluate: 50 rules, 10k contacts, a concern',
      scenario(wednesday, 'concern'),
      'as re-checked while typing; target median < 0.2 ms',
    ),
    measure(
      'evaluate: 50 rules, 10k contacts, an update at night',
      scenario(tuesdayNight, 'update'),
      'timing rules unmet; solver iterates',
    ),
    measure(
      'evaluate: crisis purpose',
      scenario(tuesdayNight, 'crisis'),
      'plan first, no rule checked',
    ),
  ]
  return figures
}
