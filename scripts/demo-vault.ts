/**
 * A fictional, believable vault for screenshots and demos: someone seeing Dr Amara Rao weekly,
 * a few weeks in. Every name, address and number is made up (phone numbers from Ofcom's drama
 * range, addresses on .example).
 */
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contract'

type Invoke = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>

interface SettableClock {
  now(): number
  set(ms: number): Promise<void>
}

export const DEMO_PASSPHRASE = 'quiet lantern orchard velvet'
export const DEMO_THERAPIST = 'Dr Amara Rao'

const ZONE = 'Europe/London'
const DAY = 24 * 60 * 60_000
const HOUR = 60 * 60_000

/** Tuesday 17:00 London, `weeksAgo` weeks before the Tuesday of `now` (winter time: UTC+0). */
function tuesdaySession(now: number, weeksAgo: number): number {
  const d = new Date(now)
  const tuesday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 5) % 7))
  return tuesday - weeksAgo * 7 * DAY + 17 * HOUR
}

export async function seedDemoVault(invoke: Invoke, clock: SettableClock): Promise<void> {
  const now = clock.now()
  const at = async (ms: number): Promise<void> => clock.set(ms)

  await at(tuesdaySession(now, 6) - 3 * DAY)
  const therapist = await invoke('therapists.create', {
    name: DEMO_THERAPIST,
    pronouns: 'she/her',
    practice: 'Riverside Counselling',
    timeZone: ZONE,
    channels: [
      { channel: 'email', address: 'amara.rao@riverside-counselling.example', label: 'For scheduling and short updates' },
      { channel: 'phone', address: '020 7946 0321', label: 'Practice line, weekdays' },
      { channel: 'portal', address: 'https://portal.riverside-counselling.example', label: '' },
    ],
  })

  const sessions: Array<ChannelOutput<'sessions.create'>> = []
  const past: Array<Omit<ChannelInput<'sessions.create'>, 'therapistId' | 'startsAt' | 'timeZone'>> = [
    {
      status: 'attended',
      moodBefore: 2,
      moodAfter: 3,
      notes: 'First session. Talked about why now: the move, work getting heavier, sleeping badly since autumn.',
      takeaways: 'It is fine not to have a neat story yet. We agreed on weekly sessions for now.',
      homework: [{ text: 'Notice when the evening worry starts, without trying to fix it', status: 'done' }],
    },
    {
      status: 'attended',
      moodBefore: 2,
      moodAfter: 3,
      notes: 'Went through the worry notes. Most of it starts around 9pm, after checking work email.',
      takeaways: 'Try a cut-off time for email. Amara called it "closing the shop".',
      homework: [{ text: 'No work email after 8pm, four nights this week', status: 'doing' }],
    },
    {
      status: 'cancelled',
      notes: 'Amara was unwell; she offered a phone call later in the week, which I did not need.',
    },
    {
      status: 'attended',
      moodBefore: 3,
      moodAfter: 3,
      notes: 'Talked about my sister and the phone calls on Sundays. Harder session than I expected.',
      takeaways: 'I can love her and still end a call when it starts going round in circles.',
      homework: [{ text: 'Write down what I would like to say, even if I do not say it', status: 'todo' }],
    },
    {
      status: 'attended',
      moodBefore: 3,
      moodAfter: 4,
      notes: 'Sleep is a bit better. We looked at the list of things I keep saying yes to.',
      takeaways: 'Saying "let me check and come back to you" is allowed.',
      homework: [
        { text: 'Use "let me check" once at work', status: 'done' },
        { text: 'Short walk after lunch on three days', status: 'doing' },
      ],
    },
  ]
  for (const [i, session] of past.entries()) {
    const startsAt = tuesdaySession(now, past.length - i)
    await at(startsAt + 2 * HOUR)
    sessions.push(await invoke('sessions.create', { ...session, therapistId: therapist.id, startsAt, timeZone: ZONE, format: i === 3 ? 'video' : 'in_person' }))
  }
  await at(tuesdaySession(now, 1) + 3 * HOUR)
  const upcoming = await invoke('sessions.create', {
    therapistId: therapist.id,
    startsAt: tuesdaySession(now, 0) + 7 * DAY * (tuesdaySession(now, 0) < now - 2 * HOUR ? 1 : 0),
    timeZone: ZONE,
    status: 'scheduled',
  })

  const reflections: Array<[number, ChannelInput<'reflections.create'>]> = [
    [
      -33,
      {
        body: 'Could not sleep again. Kept replaying the meeting with Jonas and what I should have said. Wrote it down and it shrank a bit.',
        mood: 2,
        tags: ['sleep', 'work'],
      },
    ],
    [
      -26,
      {
        body: 'Closed the laptop at 8. It felt strange, like I had forgotten something. Read for twenty minutes instead. Slept by 11.',
        mood: 3,
        tags: ['sleep', 'boundaries'],
        sessionId: sessions[1]?.id ?? null,
      },
    ],
    [
      -19,
      {
        body: 'Sunday call with Mira. She asked again when I am coming home. I said I did not know yet and she went quiet. I felt guilty for the rest of the evening.',
        mood: 2,
        tags: ['family'],
        bringToSession: true,
      },
    ],
    [
      -12,
      {
        body: 'Good day, actually. Walked along the canal at lunch and noticed the herons are back.',
        mood: 4,
        tags: ['small things'],
      },
    ],
    [
      -8,
      {
        body: 'Said "let me check and come back to you" to Priya about the extra project. The world did not end. I did say yes in the end, but on my terms.',
        mood: 4,
        tags: ['work', 'boundaries'],
        sessionId: sessions[4]?.id ?? null,
      },
    ],
    [
      -3,
      {
        body: 'Noticed that the worry still comes on Sunday evenings, just quieter. Something about the week ahead. Want to look at this with Amara.',
        mood: 3,
        tags: ['sleep'],
        bringToSession: true,
      },
    ],
    [
      -1,
      {
        body: 'Tired but steady. Made soup, called nobody, and that was fine.',
        mood: 3,
        tags: [],
      },
    ],
  ]
  const createdReflections: Array<ChannelOutput<'reflections.create'>> = []
  for (const [days, reflection] of reflections) {
    await at(now + days * DAY - 4 * HOUR)
    createdReflections.push(await invoke('reflections.create', reflection))
  }

  await at(now - 2 * DAY)
  const points: Array<ChannelInput<'talkingPoints.create'>> = [
    { text: 'The guilt after the Sunday calls with Mira', priority: 'high', sourceReflectionId: createdReflections[2]?.id ?? null },
    { text: 'Sunday evening worry: is it about work, or about being alone?', priority: 'normal', sourceReflectionId: createdReflections[5]?.id ?? null },
    { text: 'Ask whether we can move to every other week after Easter', priority: 'low' },
    { text: 'What "on my terms" felt like with Priya', priority: 'normal' },
  ]
  for (const [i, point] of points.entries()) {
    await invoke('talkingPoints.create', { ...point, position: i, targetSessionId: upcoming.id })
  }

  await at(tuesdaySession(now, 3) - DAY)
  await invoke('contacts.create', {
    therapistId: therapist.id,
    direction: 'received',
    channel: 'email',
    purpose: 'scheduling',
    at: tuesdaySession(now, 3) - DAY,
    summary: 'Amara cancelled this week because she is unwell, and offered a phone call on Thursday.',
  })
  await invoke('contacts.create', {
    therapistId: therapist.id,
    direction: 'sent',
    channel: 'email',
    purpose: 'scheduling',
    at: tuesdaySession(now, 3) - DAY + 2 * HOUR,
    summary: 'Thanked her and said next week is fine.',
  })

  await seedAgreementsAndPlan(invoke, at, { therapistId: therapist.id, firstSession: tuesdaySession(now, 5), now })

  await at(now)
}

/**
 * The agreements made in the first session, an absence with a covering clinician, a draft waiting
 * for its time, and a crisis plan (for the agreements, Ready to contact?, crisis plan and next
 * session screens).
 */
async function seedAgreementsAndPlan(
  invoke: Invoke,
  at: (ms: number) => Promise<void>,
  { therapistId, firstSession, now }: { therapistId: string; firstSession: number; now: number },
): Promise<void> {
  await at(firstSession + 3 * HOUR)
  const agreed = firstSession
  const common = { therapistId, agreedOn: agreed, reviewBy: agreed + 91 * DAY, active: true } as const
  await invoke('rules.create', {
    ...common,
    severity: 'block',
    agreementText: 'Give it a couple of days after a session to settle, unless something specific worries you or something big happens.',
    body: { kind: 'buffer_after_session', params: { hours: 48, exemptPurposes: ['concern', 'significant_event'] } },
  })
  await invoke('rules.create', {
    ...common,
    severity: 'block',
    agreementText: 'I read messages on weekdays during the day.',
    body: { kind: 'contact_hours', params: { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' }], exemptPurposes: [], exemptChannels: [] } },
  })
  await invoke('rules.create', {
    ...common,
    severity: 'block',
    agreementText: 'Texts or email for times and admin. Anything about the work goes through the portal, so it stays in your notes.',
    body: {
      kind: 'channel_for_purpose',
      params: {
        allowed: [
          { purposes: ['scheduling', 'admin'], channels: ['text', 'email', 'portal'] },
          { purposes: ['update', 'question', 'concern', 'significant_event'], channels: ['portal', 'phone'] },
        ],
        never: ['social'],
      },
    },
  })
  await invoke('rules.create', {
    ...common,
    severity: 'warn',
    agreementText: 'I usually reply within two working days.',
    body: { kind: 'response_expectation', params: { amount: 2, unit: 'business_days', purposes: [] } },
  })
  await invoke('rules.create', {
    ...common,
    severity: 'block',
    agreementText: 'When I am away, Dr Okafor covers anything urgent.',
    body: { kind: 'therapist_away', params: { coverPurposes: ['concern', 'significant_event'], note: '' } },
  })
  await invoke('absences.create', {
    therapistId,
    startsAt: now + 13 * DAY - 9.5 * HOUR,
    endsAt: now + 20 * DAY - 9.5 * HOUR,
    coveringName: 'Dr Sam Okafor',
    coveringContact: '020 7946 0999',
    note: 'Easter break',
  })

  await at(now - 5 * DAY)
  await invoke('crisisPlan.save', {
    warningSigns: ['Not sleeping for several nights', 'Cancelling on friends', 'Thinking everyone would be better off without me'],
    copingStrategies: ['Cold water on my face, slow breaths for two minutes', 'Walk to the canal and count the herons', 'Put on the rain sounds playlist'],
    distractions: [
      { name: 'The library café on Mill Road', note: 'Open until 8pm' },
      { name: 'Jo from the choir', note: 'Happy to just talk about nothing' },
    ],
    helpers: [
      { name: 'Mira (sister)', phone: '07700 900456' },
      { name: 'Tom', phone: '07700 900789' },
    ],
    professionals: [
      { name: 'Dr Amara Rao', phone: '020 7946 0321', role: 'Therapist' },
      { name: 'Riverside Surgery', phone: '020 7946 0555', role: 'GP' },
    ],
    crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }],
    emergencyNumber: '999',
    safeEnvironment: ['Keep only a week of tablets at home; the rest stays with Mira'],
    reasonsToLive: ['My nephew Leo', 'The allotment in spring', 'Finishing the quilt for Mira'],
  })
  await invoke('drafts.create', {
    therapistId,
    body: 'Thank you for Tuesday. The bit about the Sunday calls has stayed with me.',
    purpose: 'update',
    channel: 'portal',
    remindAt: null,
  })
}
