import type { Core } from '../../src/main/core'

/** One of everything, every text field holding `text`, for round trips and the canary check. */
export function writeOneOfEverything(core: Core, text: string) {
  const therapist = core.therapists.create({
    name: `Dr ${text}`,
    pronouns: `they ${text}`,
    practice: `Practice ${text}`,
    timeZone: 'Europe/London',
    channels: [{ channel: 'email', address: `${text}@example.org`, label: text }],
  })
  const session = core.sessions.create({
    title: `title ${text}`,
    location: `location ${text}`,
    therapistId: therapist.id,
    startsAt: Date.UTC(2026, 2, 2, 17, 0), // the evening before the test clock: it has happened
    timeZone: 'Europe/London',
    durationMinutes: 50,
    format: 'video',
    status: 'attended',
    notes: `notes ${text}`,
    moodBefore: 2,
    moodAfter: 4,
    takeaways: `takeaways ${text}`,
    homework: [{ text: `homework ${text}`, status: 'todo' }],
  })
  const reflection = core.reflections.create({
    body: `reflection ${text}`,
    mood: 3,
    tags: [`tag${text}`, 'sleep'],
    sessionId: session.id,
    bringToSession: true,
  })
  const talkingPoint = core.talkingPoints.create({
    text: `point ${text}`,
    priority: 'high',
    position: 1,
    targetSessionId: null,
    sourceReflectionId: reflection.id,
    sourceDraftId: null,
    status: 'open',
  })
  const draft = core.drafts.create({ therapistId: therapist.id, body: `draft ${text}`, purpose: 'update', channel: 'email', remindAt: null })
  const contact = core.contacts.create({
    therapistId: therapist.id,
    direction: 'sent',
    channel: 'email',
    purpose: 'scheduling',
    at: Date.UTC(2026, 2, 4, 10, 0),
    summary: `summary ${text}`,
    overriddenRuleIds: [],
  })
  const absence = core.absences.create({
    therapistId: therapist.id,
    startsAt: Date.UTC(2026, 3, 1),
    endsAt: Date.UTC(2026, 3, 14),
    coveringName: `Cover ${text}`,
    coveringContact: `cover-${text}@example.org`,
    note: `note ${text}`,
  })
  const rule = core.rules.create({
    therapistId: therapist.id,
    severity: 'warn',
    agreementText: `agreement ${text}`,
    agreedOn: Date.UTC(2026, 2, 3),
    reviewBy: null,
    active: true,
    body: { kind: 'custom_confirm', params: { prompt: `custom ${text}`, purposes: [] } },
  })
  const plan = core.crisisPlan.save({
    warningSigns: [`sign ${text}`],
    copingStrategies: [`coping ${text}`],
    distractions: [{ name: `place ${text}`, note: text }],
    helpers: [{ name: `friend ${text}`, phone: '+44 7700 900123' }],
    professionals: [{ name: `pro ${text}`, phone: '+44 20 7946 0000', role: text }],
    crisisLines: [{ name: `line ${text}`, phone: '116 123', url: '' }],
    emergencyNumber: '999',
    safeEnvironment: [`safe ${text}`],
    reasonsToLive: [`reason ${text}`],
  })
  return { therapist, session, reflection, talkingPoint, draft, contact, absence, rule, plan }
}
