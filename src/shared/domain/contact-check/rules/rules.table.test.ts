/**
 * Table tests, one table per rule kind. The therapist and the person are both in Europe/London;
 * March 2026 is before the clock change, so the UTC times below read as local times.
 * Tuesday 10 March 2026: session 17:00–17:50.
 */
import { describe, expect, it } from 'vitest'
import type { Rule } from '../../rules/rule-kinds'
import { evaluateContact } from '../evaluate'
import { input, rule, utc } from '../test-fixtures'
import type {
  CheckAbsence,
  CheckContact,
  CheckSession,
  ContactCheckInput,
  ContactRequest,
  LineStatus,
  VerdictKind,
} from '../types'

const TUESDAY_SESSION: CheckSession = {
  id: 's1',
  startsAt: utc(2026, 3, 10, 17),
  durationMinutes: 50,
  status: 'attended',
}
const NEXT_SESSION: CheckSession = {
  id: 's2',
  startsAt: utc(2026, 3, 17, 17),
  durationMinutes: 50,
  status: 'scheduled',
}

interface Case {
  name: string
  now: number
  request?: Partial<ContactRequest>
  data?: Partial<Omit<ContactCheckInput, 'now' | 'request' | 'rules'>>
  status: LineStatus
  verdict?: VerdictKind
  until?: number | null
  earliestAt?: number | null
  message?: RegExp
}

function table(make: () => Rule, cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = make()
    const result = evaluateContact(
      input(c.now, c.request, { sessions: [TUESDAY_SESSION, NEXT_SESSION], ...c.data, rules: [r] }),
    )
    const line = result.lines.find((l) => l.ruleId === r.id)
    expect(line?.status).toBe(c.status)
    if (c.verdict) expect(result.verdict.kind).toBe(c.verdict)
    if (c.until !== undefined) expect(line?.until).toBe(c.until)
    if (c.earliestAt !== undefined) expect(result.earliestAt).toBe(c.earliestAt)
    if (c.message) expect(line?.message).toMatch(c.message)
    expect(line?.message).not.toMatch(/!/)
    if (c.status === 'fail' || c.status === 'needs_confirmation')
      expect(result.overridableRuleIds).toContain(r.id)
    else expect(result.overridableRuleIds).not.toContain(r.id)
  })
}

const sent = (
  at: number,
  purpose: CheckContact['purpose'] = 'update',
  extra: Partial<CheckContact> = {},
): CheckContact => ({
  direction: 'sent',
  channel: 'portal',
  purpose,
  at,
  ...extra,
})
const received = (at: number): CheckContact => ({
  direction: 'received',
  channel: 'portal',
  purpose: 'update',
  at,
})

describe('1. buffer_after_session', () => {
  const make = () =>
    rule(
      'buffer_after_session',
      { hours: 72 },
      { agreedOn: utc(2026, 3, 3, 12), agreementText: '' },
    )
  table(make, [
    {
      name: 'an update on Tuesday evening waits 72 hours from the session end',
      now: utc(2026, 3, 10, 19, 30),
      status: 'fail',
      verdict: 'wait_until',
      until: utc(2026, 3, 13, 17, 50),
      earliestAt: utc(2026, 3, 13, 17, 50),
      message:
        /^You agreed on 3 March to wait 72 hours after a session for anything other than a specific concern or a significant event\. Your session ended Tuesday 17:50; 72 hours end Friday 17:50\.$/,
    },
    {
      name: 'one minute before the end still waits',
      now: utc(2026, 3, 13, 17, 49),
      status: 'fail',
    },
    {
      name: 'at the end it passes',
      now: utc(2026, 3, 13, 17, 50),
      status: 'pass',
      verdict: 'send',
    },
    {
      name: 'a specific concern is exempt',
      now: utc(2026, 3, 10, 19, 30),
      request: { purpose: 'concern' },
      status: 'pass',
      message: /leaves out/,
    },
    {
      name: 'a cancelled session leaves no buffer',
      now: utc(2026, 3, 10, 19, 30),
      data: { sessions: [{ ...TUESDAY_SESSION, status: 'cancelled' }] },
      status: 'pass',
    },
    {
      name: 'a second session inside the buffer extends it',
      now: utc(2026, 3, 10, 19, 30),
      data: {
        sessions: [
          TUESDAY_SESSION,
          { id: 's3', startsAt: utc(2026, 3, 12, 17), durationMinutes: 50, status: 'scheduled' },
        ],
      },
      status: 'fail',
      until: utc(2026, 3, 15, 17, 50),
    },
  ])
  it('speaks the person’s own words when there are some, and warns without changing the verdict', () => {
    const r = rule(
      'buffer_after_session',
      { hours: 72 },
      { severity: 'warn', agreementText: 'A few days after a session' },
    )
    const res = evaluateContact(
      input(utc(2026, 3, 10, 19, 30), {}, { rules: [r], sessions: [TUESDAY_SESSION] }),
    )
    expect(res.lines[0]?.status).toBe('warn')
    expect(res.lines[0]?.message).toMatch(
      /^You agreed: “A few days after a session”\. Your session ended/,
    )
    expect(res.verdict.kind).toBe('send')
    expect(res.earliestAt).toBe(utc(2026, 3, 10, 19, 30))
  })
})

describe('2. contact_hours', () => {
  const make = () =>
    rule('contact_hours', { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] })
  table(make, [
    {
      name: 'Wednesday 10:00 is inside',
      now: utc(2026, 3, 11, 10),
      status: 'pass',
      message: /Monday to Friday from 09:00 to 17:00/,
    },
    { name: 'the window start is inside', now: utc(2026, 3, 11, 9), status: 'pass' },
    {
      name: 'the window end is outside',
      now: utc(2026, 3, 11, 17),
      status: 'fail',
      until: utc(2026, 3, 12, 9),
      verdict: 'wait_until',
    },
    {
      name: 'Saturday waits for Monday',
      now: utc(2026, 3, 14, 12),
      status: 'fail',
      until: utc(2026, 3, 16, 9),
      message: /Monday 09:00/,
    },
    {
      name: 'email is not exempt by default',
      now: utc(2026, 3, 14, 12),
      request: { channel: 'email' },
      status: 'fail',
    },
  ])
  table(
    () => rule('contact_hours', { exemptChannels: ['portal'] }),
    [
      {
        name: 'portal exempt on Saturday',
        now: utc(2026, 3, 14, 12),
        status: 'pass',
        message: /at any time/,
      },
    ],
  )
  table(
    () => rule('contact_hours', { exemptPurposes: ['significant_event'] }),
    [
      {
        name: 'exempt purpose on Saturday',
        now: utc(2026, 3, 14, 12),
        request: { purpose: 'significant_event' },
        status: 'pass',
      },
    ],
  )
  table(
    () => rule('contact_hours', { windows: [{ days: [6], start: '20:00', end: '24:00' }] }),
    [
      {
        name: 'a window to midnight includes 23:59',
        now: utc(2026, 3, 14, 23, 59),
        status: 'pass',
      },
      {
        name: 'and not Sunday 00:00',
        now: utc(2026, 3, 15, 0),
        status: 'fail',
        until: utc(2026, 3, 21, 20),
      },
    ],
  )
  it('shows the therapist’s own time when the zones differ', () => {
    const r = rule('contact_hours')
    const res = evaluateContact(
      input(utc(2026, 3, 11, 20), {}, { rules: [r], personZone: 'America/New_York' }),
    )
    expect(res.lines[0]?.message).toMatch(/London time/)
    expect(res.lines[0]?.message).toMatch(
      /It is Wednesday 20:00 for your therapist, outside those hours now\. The next window opens Thursday 05:00 your time\./,
    )
  })
})

describe('3. channel_for_purpose', () => {
  table(
    () => rule('channel_for_purpose'),
    [
      {
        name: 'scheduling by text is agreed',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'scheduling', channel: 'text' },
        status: 'pass',
      },
      {
        name: 'an update by text is not',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'update', channel: 'text' },
        status: 'fail',
        verdict: 'use_other_channel',
        message: /the agreed ways are phone, voicemail or the portal/,
      },
      {
        name: 'social media never',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'scheduling', channel: 'social' },
        status: 'fail',
        message: /You agreed not to use social media/,
      },
      {
        name: 'admin by portal is agreed',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'admin', channel: 'portal' },
        status: 'pass',
      },
    ],
  )
  table(
    () =>
      rule('channel_for_purpose', {
        allowed: [{ purposes: ['scheduling'], channels: ['text'] }],
        never: [],
      }),
    [
      {
        name: 'a purpose listed nowhere may use any channel',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'update', channel: 'email' },
        status: 'pass',
      },
    ],
  )
  table(
    () =>
      rule('channel_for_purpose', {
        allowed: [{ purposes: ['update'], channels: ['social'] }],
        never: ['social'],
      }),
    [
      {
        name: 'no agreed channel left: bring it to the session',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'update', channel: 'email' },
        status: 'fail',
        verdict: 'bring_to_session',
      },
    ],
  )
  it('names the channels to use instead', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { purpose: 'update', channel: 'text' },
        { rules: [rule('channel_for_purpose')] },
      ),
    )
    expect(res.verdict).toEqual({
      kind: 'use_other_channel',
      channels: ['phone', 'voicemail', 'portal'],
    })
  })
})

describe('4. clinical_in_session', () => {
  table(
    () => rule('clinical_in_session'),
    [
      {
        name: 'an update goes to the session',
        now: utc(2026, 3, 11, 10),
        status: 'fail',
        verdict: 'bring_to_session',
        message: /Your next session is Tuesday 17 March at 17:00\. You could bring it then\./,
      },
      {
        name: 'admin is not clinical',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'admin' },
        status: 'pass',
      },
      {
        name: 'without a booked session it still waits for one',
        now: utc(2026, 3, 11, 10),
        data: { sessions: [] },
        status: 'fail',
        verdict: 'bring_to_session',
        message: /no session booked yet/,
      },
    ],
  )
  it('points at the next session and offers a talking point', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { draftText: 'I noticed something' },
        { rules: [rule('clinical_in_session')], sessions: [TUESDAY_SESSION, NEXT_SESSION] },
      ),
    )
    expect(res.verdict).toEqual({
      kind: 'bring_to_session',
      sessionId: 's2',
      startsAt: NEXT_SESSION.startsAt,
      talkingPoint: true,
    })
    expect(res.lines[0]?.message).toMatch(/keep this draft as a talking point/)
  })
})

describe('5. frequency_cap', () => {
  const day = () =>
    rule('frequency_cap', { max: 1, period: 'day', counting: 'calendar', purposes: ['update'] })
  table(day, [
    { name: 'nothing sent yet', now: utc(2026, 3, 11, 12), status: 'pass' },
    {
      name: 'one sent this morning: wait for tomorrow',
      now: utc(2026, 3, 11, 12),
      data: { contacts: [sent(utc(2026, 3, 11, 9, 30))] },
      status: 'fail',
      until: utc(2026, 3, 12, 0),
      message: /You have sent one today; the next one fits from Thursday 00:00/,
    },
    {
      name: 'one sent yesterday',
      now: utc(2026, 3, 11, 12),
      data: { contacts: [sent(utc(2026, 3, 10, 23, 59))] },
      status: 'pass',
    },
    {
      name: 'received messages do not count',
      now: utc(2026, 3, 11, 12),
      data: { contacts: [received(utc(2026, 3, 11, 9))] },
      status: 'pass',
    },
    {
      name: 'other purposes are not counted',
      now: utc(2026, 3, 11, 12),
      data: { contacts: [sent(utc(2026, 3, 11, 9), 'question')] },
      status: 'pass',
    },
    {
      name: 'a question is not capped',
      now: utc(2026, 3, 11, 12),
      request: { purpose: 'question' },
      data: { contacts: [sent(utc(2026, 3, 11, 9))] },
      status: 'pass',
    },
  ])
  table(
    () => rule('frequency_cap', { max: 1, period: 'day', counting: 'rolling', purposes: [] }),
    [
      {
        name: 'rolling: 24 hours after the last one',
        now: utc(2026, 3, 11, 12),
        data: { contacts: [sent(utc(2026, 3, 11, 9, 30), 'admin')] },
        status: 'fail',
        until: utc(2026, 3, 12, 9, 30),
      },
    ],
  )
  table(
    () => rule('frequency_cap', { max: 2, period: 'week', counting: 'calendar', purposes: [] }),
    [
      {
        name: 'two this week: wait for Monday',
        now: utc(2026, 3, 11, 12),
        data: { contacts: [sent(utc(2026, 3, 9, 10)), sent(utc(2026, 3, 10, 10))] },
        status: 'fail',
        until: utc(2026, 3, 16, 0),
      },
      {
        name: 'two, one of them last week',
        now: utc(2026, 3, 11, 12),
        data: { contacts: [sent(utc(2026, 3, 8, 10)), sent(utc(2026, 3, 10, 10))] },
        status: 'pass',
      },
    ],
  )
})

describe('5. frequency_cap where clocks change at midnight (America/Santiago)', () => {
  // Saturday 4 April 2026: at 24:00 (-03) clocks go back to 23:00 (-04); Sunday starts at 04:00Z.
  const santiago = { id: 't1', name: 'Sam', timeZone: 'America/Santiago' }
  it.each([
    ['first 23:30', Date.UTC(2026, 3, 5, 2, 30)],
    ['repeated 23:30', Date.UTC(2026, 3, 5, 3, 30)],
  ])('one sent on Saturday; at the %s the next fits from Sunday 00:00', (_name, now) => {
    const r = rule('frequency_cap', { max: 1, period: 'day', counting: 'calendar', purposes: [] })
    const res = evaluateContact(
      input(
        now,
        {},
        { therapist: santiago, rules: [r], contacts: [sent(Date.UTC(2026, 3, 4, 15))] },
      ),
    )
    expect(res.lines[0]?.status).toBe('fail')
    expect(res.earliestAt).toBe(Date.UTC(2026, 3, 5, 4))
  })
})

describe('6. length_cap', () => {
  const long = 'x'.repeat(600)
  table(
    () => rule('length_cap', { maxChars: 500 }),
    [
      {
        name: 'a long text',
        now: utc(2026, 3, 11, 10),
        request: { channel: 'text', draftText: long },
        status: 'fail',
        verdict: 'use_other_channel',
        message: /600 characters, more than 500/,
      },
      {
        name: 'a short text',
        now: utc(2026, 3, 11, 10),
        request: { channel: 'text', draftText: 'short' },
        status: 'pass',
      },
      {
        name: 'exactly the cap',
        now: utc(2026, 3, 11, 10),
        request: { channel: 'text', draftText: 'y'.repeat(500) },
        status: 'pass',
      },
      {
        name: 'a call has no length cap',
        now: utc(2026, 3, 11, 10),
        request: { channel: 'phone', draftText: long },
        status: 'pass',
      },
      {
        name: 'no draft yet',
        now: utc(2026, 3, 11, 10),
        request: { channel: 'text' },
        status: 'pass',
      },
    ],
  )
  it('counts characters, not UTF-16 units', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { channel: 'text', draftText: '😊'.repeat(300) },
        { rules: [rule('length_cap', { maxChars: 300 })] },
      ),
    )
    expect(res.lines[0]?.status).toBe('pass')
  })
  it('suggests a call or video instead', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { channel: 'text', draftText: long },
        { rules: [rule('length_cap', { maxChars: 500 })] },
      ),
    )
    expect(res.verdict).toEqual({ kind: 'use_other_channel', channels: ['phone', 'video'] })
  })
})

describe('7. response_expectation', () => {
  const fri = utc(2026, 3, 6, 10)
  table(
    () => rule('response_expectation', { amount: 2, unit: 'business_days', purposes: [] }),
    [
      {
        name: 'a second question on Monday, no reply yet: wait until Tuesday',
        now: utc(2026, 3, 9, 10),
        request: { purpose: 'question' },
        data: { contacts: [sent(fri, 'question')] },
        status: 'fail',
        until: utc(2026, 3, 10, 10),
        message: /You wrote about this on Friday 10:00 and there has been no reply yet/,
      },
      {
        name: 'after a reply it is fine',
        now: utc(2026, 3, 9, 10),
        request: { purpose: 'question' },
        data: { contacts: [sent(fri, 'question'), received(utc(2026, 3, 6, 15))] },
        status: 'pass',
      },
      {
        name: 'another matter is fine',
        now: utc(2026, 3, 9, 10),
        request: { purpose: 'admin' },
        data: { contacts: [sent(fri, 'question')] },
        status: 'pass',
      },
      {
        name: 'matter keys tell matters apart',
        now: utc(2026, 3, 9, 10),
        request: { purpose: 'question', matterKey: 'b' },
        data: { contacts: [sent(fri, 'question', { matterKey: 'a' })] },
        status: 'pass',
      },
      {
        name: 'the same matter key across purposes',
        now: utc(2026, 3, 9, 10),
        request: { purpose: 'update', matterKey: 'a' },
        data: { contacts: [sent(fri, 'question', { matterKey: 'a' })] },
        status: 'fail',
      },
    ],
  )
  table(
    () => rule('response_expectation', { amount: 24, unit: 'hours', purposes: [] }),
    [
      {
        name: 'hours: 24 hours after',
        now: utc(2026, 3, 6, 20),
        request: { purpose: 'question' },
        data: { contacts: [sent(fri, 'question')] },
        status: 'fail',
        until: utc(2026, 3, 7, 10),
      },
      {
        name: 'hours: after 24 hours',
        now: utc(2026, 3, 7, 10),
        request: { purpose: 'question' },
        data: { contacts: [sent(fri, 'question')] },
        status: 'pass',
      },
    ],
  )
})

describe('8. wait_for_next_session', () => {
  table(
    () => rule('wait_for_next_session', { withinDays: 2 }),
    [
      {
        name: 'session tomorrow: an update waits for it',
        now: utc(2026, 3, 16, 18),
        status: 'fail',
        verdict: 'bring_to_session',
      },
      {
        name: 'scheduling does not wait',
        now: utc(2026, 3, 16, 18),
        request: { purpose: 'scheduling' },
        status: 'pass',
      },
      {
        name: 'session in three days',
        now: utc(2026, 3, 14, 12),
        status: 'pass',
        message: /more than 2 days away/,
      },
      {
        name: 'no session booked',
        now: utc(2026, 3, 11, 12),
        data: { sessions: [TUESDAY_SESSION] },
        status: 'pass',
      },
      {
        name: 'a cancelled session does not count',
        now: utc(2026, 3, 16, 18),
        data: { sessions: [{ ...NEXT_SESSION, status: 'cancelled' }] },
        status: 'pass',
      },
    ],
  )
})

describe('9. journal_first', () => {
  const r = rule('journal_first', { withinHours: 24, purposes: ['update'] }, { id: 'journal' })
  table(
    () => r,
    [
      {
        name: 'nothing written',
        now: utc(2026, 3, 11, 12),
        status: 'needs_confirmation',
        verdict: 'confirm',
      },
      {
        name: 'a reflection this morning',
        now: utc(2026, 3, 11, 12),
        data: { reflections: [{ createdAt: utc(2026, 3, 11, 8) }] },
        status: 'pass',
      },
      {
        name: 'a reflection two days ago',
        now: utc(2026, 3, 11, 12),
        data: { reflections: [{ createdAt: utc(2026, 3, 9, 8) }] },
        status: 'needs_confirmation',
      },
      {
        name: 'the latest reflection as a shortcut',
        now: utc(2026, 3, 11, 12),
        data: { lastReflectionAt: utc(2026, 3, 11, 11) },
        status: 'pass',
      },
      {
        name: 'the person says they journaled',
        now: utc(2026, 3, 11, 12),
        request: { journaled: true },
        status: 'pass',
        verdict: 'send',
      },
      {
        name: 'the person confirmed the item',
        now: utc(2026, 3, 11, 12),
        request: { confirmedItems: ['journal'] },
        status: 'pass',
      },
      {
        name: 'another purpose',
        now: utc(2026, 3, 11, 12),
        request: { purpose: 'admin' },
        status: 'pass',
      },
    ],
  )
  table(
    () => rule('journal_first', {}, { severity: 'info' }),
    [
      {
        name: 'info severity only speaks',
        now: utc(2026, 3, 11, 12),
        status: 'info',
        verdict: 'send',
      },
    ],
  )
})

describe('10. therapist_away', () => {
  const absence: CheckAbsence = {
    id: 'a1',
    startsAt: utc(2026, 3, 9, 9),
    endsAt: utc(2026, 3, 16, 9),
    coveringName: 'Dr Lee',
    coveringContact: '020 7946 0000',
  }
  table(
    () => rule('therapist_away'),
    [
      {
        name: 'a concern goes to the covering clinician',
        now: utc(2026, 3, 11, 10),
        request: { purpose: 'concern' },
        data: { absences: [absence] },
        status: 'fail',
        verdict: 'covering_clinician',
        message: /you agreed to contact Dr Lee \(020 7946 0000\)/,
      },
      {
        name: 'an update waits until they are back',
        now: utc(2026, 3, 11, 10),
        data: { absences: [absence] },
        status: 'fail',
        verdict: 'wait_until',
        until: utc(2026, 3, 16, 9),
      },
      {
        name: 'after the absence',
        now: utc(2026, 3, 16, 9),
        data: { absences: [absence] },
        status: 'pass',
      },
      {
        name: 'an absence coming up is mentioned',
        now: utc(2026, 3, 6, 10),
        data: { absences: [absence] },
        status: 'pass',
        message: /They will be away from Monday 09:00/,
      },
      { name: 'no absence', now: utc(2026, 3, 11, 10), status: 'pass' },
    ],
  )
  it('gives the covering clinician in the verdict', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { purpose: 'concern' },
        { rules: [rule('therapist_away')], absences: [absence] },
      ),
    )
    expect(res.verdict).toEqual({
      kind: 'covering_clinician',
      absenceId: 'a1',
      name: 'Dr Lee',
      contact: '020 7946 0000',
      until: absence.endsAt,
    })
  })
})

describe('11. pause_after_event', () => {
  table(
    () => rule('pause_after_event', { hours: 24, purposes: [], alternative: 'Call my sister' }),
    [
      {
        name: 'the morning after an event',
        now: utc(2026, 3, 11, 10),
        data: { events: [{ at: utc(2026, 3, 10, 21) }] },
        status: 'fail',
        until: utc(2026, 3, 11, 21),
        message:
          /You logged an event Tuesday 21:00\. The pause runs until Wednesday 21:00\. What you agreed to do instead: “Call my sister”\./,
      },
      {
        name: 'after the pause',
        now: utc(2026, 3, 11, 21),
        data: { events: [{ at: utc(2026, 3, 10, 21) }] },
        status: 'pass',
      },
      { name: 'no events', now: utc(2026, 3, 11, 10), status: 'pass' },
    ],
  )
})

describe('12. worksheet', () => {
  table(
    () => rule('worksheet', { purposes: [] }, { id: 'ws' }),
    [
      {
        name: 'not answered yet',
        now: utc(2026, 3, 11, 10),
        status: 'needs_confirmation',
        verdict: 'confirm',
        message: /What happened\? What have I tried already\?/,
      },
      {
        name: 'answered',
        now: utc(2026, 3, 11, 10),
        request: { worksheetAnswered: true },
        status: 'pass',
      },
      {
        name: 'confirmed as an item',
        now: utc(2026, 3, 11, 10),
        request: { confirmedItems: ['ws'] },
        status: 'pass',
      },
    ],
  )
})

describe('13. custom_confirm', () => {
  table(
    () => rule('custom_confirm', { prompt: 'I have waited an hour', purposes: [] }, { id: 'mine' }),
    [
      {
        name: 'not yet confirmed',
        now: utc(2026, 3, 11, 10),
        status: 'needs_confirmation',
        verdict: 'confirm',
        message:
          /^You agreed to check one thing of your own before getting in touch\. Your words: “I have waited an hour”\.$/,
      },
      {
        name: 'confirmed',
        now: utc(2026, 3, 11, 10),
        request: { confirmedItems: ['mine'] },
        status: 'pass',
        verdict: 'send',
      },
    ],
  )
})

describe('rule selection', () => {
  it('ignores inactive rules and other therapists’ rules', () => {
    const rules = [
      rule('custom_confirm', {}, { active: false }),
      { ...rule('custom_confirm'), therapistId: 'someone-else' },
    ]
    const res = evaluateContact(input(utc(2026, 3, 11, 10), {}, { rules }))
    expect(res.lines).toEqual([])
    expect(res.verdict.kind).toBe('send')
  })
  it('mentions an overdue review only when the rule is not met', () => {
    const r = rule('custom_confirm', {}, { reviewBy: utc(2026, 3, 1) })
    const res = evaluateContact(input(utc(2026, 3, 11, 10), {}, { rules: [r] }))
    expect(res.lines[0]?.message).toMatch(/look at this agreement again by 1 March/)
  })
})
