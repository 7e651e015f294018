import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createReminderScheduler, type ReminderScheduler } from '../../../src/main/core/reminders/reminder-scheduler'
import { REMINDER_TEXT } from '../../../src/main/core/reminders/reminder-text'
import { nextPromptDue, sessionEveDue } from '../../../src/main/core/reminders/reminders.service'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { fakeNotifier, fakeTimers, type FakeNotifier, type FakeTimers } from '../../helpers/fake-ports'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const HOUR = 3_600_000
const MINUTE = 60_000

let vault: TestVault
let notifier: FakeNotifier
let timers: FakeTimers
let scheduler: ReminderScheduler

beforeEach(async () => {
  vault = await createTestVault()
  notifier = fakeNotifier()
  timers = fakeTimers(vault.clock)
  scheduler = createReminderScheduler({ core: vault.core, clock: vault.clock, notifier, setTimer: timers.setTimer, maxSleepMs: 10 * MINUTE })
})
afterEach(() => {
  scheduler.stop()
  vault.cleanup()
})

const draft = (remindAt: number | null) =>
  vault.core.drafts.create({ therapistId: null, body: 'private words', purpose: 'update', channel: 'email', remindAt })

const session = (startsAt: number, timeZone = 'Europe/London') =>
  vault.core.sessions.create({
    therapistId: null,
    startsAt,
    timeZone,
    durationMinutes: 50,
    format: 'video',
    status: 'scheduled',
    notes: '',
    moodBefore: null,
    moodAfter: null,
    takeaways: '',
    homework: [],
  })

describe('when reminders fall due', () => {
  it('the evening before is 18:00 in the session’s own zone, across DST', () => {
    expect(new Date(sessionEveDue(Date.UTC(2026, 2, 5, 17), 'Europe/London')).toISOString()).toBe('2026-03-04T18:00:00.000Z')
    // Monday 30 March 09:00 BST; Sunday 29 March is the switch day: 18:00 BST = 17:00Z.
    expect(new Date(sessionEveDue(Date.UTC(2026, 2, 30, 8), 'Europe/London')).toISOString()).toBe('2026-03-29T17:00:00.000Z')
    // Start of a month: the evening before is the last day of the previous month.
    expect(new Date(sessionEveDue(Date.UTC(2026, 3, 1, 14), 'America/New_York')).toISOString()).toBe('2026-03-31T22:00:00.000Z')
  })

  it('the daily prompt is the next HH:MM in the chosen zone', () => {
    const now = Date.UTC(2026, 2, 3, 9) // 10:00 in Paris
    expect(new Date(nextPromptDue(now, '20:00', 'Europe/Paris')).toISOString()).toBe('2026-03-03T19:00:00.000Z')
    expect(new Date(nextPromptDue(now, '08:30', 'Europe/Paris')).toISOString()).toBe('2026-03-04T07:30:00.000Z')
  })
})

describe('the scheduler (fake clock, fake timers)', () => {
  it('a draft’s wait ends: one notification, with the generic text only, once', async () => {
    const start = vault.clock.now()
    draft(start + 2 * HOUR)
    scheduler.start()
    expect(notifier.shown).toEqual([])
    await timers.run(2 * HOUR - MINUTE)
    expect(notifier.shown).toEqual([])
    await timers.run(2 * MINUTE)
    expect(notifier.shown).toEqual(['draft_ready'])
    expect(REMINDER_TEXT[notifier.shown[0] as 'draft_ready']).toBe('A draft is ready to send')
    await timers.run(3 * HOUR)
    expect(notifier.shown).toEqual(['draft_ready'])
    const [reminder] = vault.core.reminders.list({ includePast: false })
    expect(reminder).toMatchObject({ kind: 'draft_ready', dueAt: start + 2 * HOUR })
    expect(reminder?.firedAt).not.toBeNull()
  })

  it('picks up a draft written while running, and re-arms one whose time moved', async () => {
    scheduler.start()
    const d = draft(vault.clock.now() + 30 * MINUTE)
    await timers.run(31 * MINUTE)
    expect(notifier.shown).toEqual(['draft_ready'])
    vault.core.drafts.update({ id: d.id, patch: { remindAt: vault.clock.now() + HOUR } })
    await timers.run(HOUR + MINUTE)
    expect(notifier.shown).toEqual(['draft_ready', 'draft_ready'])
  })

  it('the evening before a session; not for a session later today; not once it has begun', async () => {
    session(Date.UTC(2026, 2, 5, 17)) // Thursday 17:00; now is Tuesday 09:00
    session(Date.UTC(2026, 2, 3, 15)) // today
    scheduler.start()
    await timers.run(Date.UTC(2026, 2, 4, 17, 59) - vault.clock.now())
    expect(notifier.shown).toEqual([])
    await timers.run(2 * MINUTE)
    expect(notifier.shown).toEqual(['session_tomorrow'])
    expect(vault.core.reminders.list({ includePast: true }).map((r) => r.kind)).toEqual(['session_tomorrow'])
  })

  it('a session reminder missed while the app was closed is let go once the session has begun', async () => {
    session(Date.UTC(2026, 2, 5, 17))
    vault.core.reminders.sync()
    vault.core.lock('manual')
    vault.clock.set(Date.UTC(2026, 2, 5, 17, 30))
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    scheduler.start()
    expect(notifier.shown).toEqual([])
  })

  it('a rule’s review date', async () => {
    const { rule } = writeOneOfEverything(vault.core, 'x')
    vault.core.rules.update({ id: rule.id, patch: { reviewBy: Date.UTC(2026, 2, 10, 9) } })
    scheduler.start()
    await timers.run(7 * 24 * HOUR - MINUTE)
    expect(notifier.shown).toEqual([])
    await timers.run(2 * MINUTE)
    expect(notifier.shown).toEqual(['rule_review'])
  })

  it('the gentle prompt only when turned on, every day at its time', async () => {
    scheduler.start()
    await timers.run(24 * HOUR)
    expect(notifier.shown).toEqual([])
    const settings = await dispatch(vault.handlers, 'reminders.setSettings', {
      draftReady: true,
      sessionTomorrow: true,
      ruleReview: true,
      reflectionPrompt: { enabled: true, time: '20:00', timeZone: 'Europe/Paris' },
    })
    expect(settings.ok).toBe(true)
    scheduler.check()
    // Now Wednesday 09:00Z; 20:00 Paris = 19:00Z.
    await timers.run(10 * HOUR - MINUTE)
    expect(notifier.shown).toEqual([])
    await timers.run(2 * MINUTE)
    expect(notifier.shown).toEqual(['reflection_prompt'])
    await timers.run(24 * HOUR)
    expect(notifier.shown).toEqual(['reflection_prompt', 'reflection_prompt'])
    // Turned off: no more.
    await dispatch(vault.handlers, 'reminders.setSettings', {
      draftReady: true,
      sessionTomorrow: true,
      ruleReview: true,
      reflectionPrompt: { enabled: false, time: '20:00', timeZone: 'Europe/Paris' },
    })
    await timers.run(48 * HOUR)
    expect(notifier.shown).toEqual(['reflection_prompt', 'reflection_prompt'])
  })

  it('turning a kind off removes its pending reminders', async () => {
    draft(vault.clock.now() + HOUR)
    vault.core.reminders.sync()
    expect(vault.core.reminders.list({ includePast: false })).toHaveLength(1)
    await dispatch(vault.handlers, 'reminders.setSettings', {
      draftReady: false,
      sessionTomorrow: true,
      ruleReview: true,
      reflectionPrompt: { enabled: false, time: '20:00', timeZone: 'UTC' },
    })
    expect(vault.core.reminders.list({ includePast: false })).toEqual([])
    scheduler.start()
    await timers.run(2 * HOUR)
    expect(notifier.shown).toEqual([])
  })

  it('while locked: the generic notification still comes, and is not repeated after unlock', async () => {
    draft(vault.clock.now() + 2 * HOUR)
    scheduler.start()
    vault.core.lock('manual')
    await timers.run(2 * HOUR + MINUTE)
    expect(notifier.shown).toEqual(['draft_ready'])
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    scheduler.check()
    await timers.run(HOUR)
    expect(notifier.shown).toEqual(['draft_ready'])
    expect(vault.core.reminders.list({ includePast: false })[0]?.firedAt).not.toBeNull()
  })

  it('a reminder due while the app was away fires at the next unlock (a late prompt is let go)', async () => {
    draft(vault.clock.now() + HOUR)
    vault.core.lock('manual')
    vault.clock.advance(5 * HOUR)
    scheduler.start()
    expect(notifier.shown).toEqual([]) // locked, and no plan from an unlocked check
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    scheduler.check()
    expect(notifier.shown).toEqual(['draft_ready'])
  })

  it('several due at once: one notification per kind', async () => {
    draft(vault.clock.now() + HOUR)
    draft(vault.clock.now() + HOUR)
    scheduler.start()
    await timers.run(HOUR + MINUTE)
    expect(notifier.shown).toEqual(['draft_ready'])
  })
})

describe('reminder channels', () => {
  it('list, dismiss, settings; bad settings are refused', async () => {
    draft(vault.clock.now() - MINUTE)
    vault.core.reminders.sync()
    const list = await dispatch(vault.handlers, 'reminders.list', {})
    expect(list).toMatchObject({ ok: true, value: [{ kind: 'draft_ready', firedAt: null, dismissedAt: null }] })
    const id = (list as { value: Array<{ id: string }> }).value[0]?.id
    expect(await dispatch(vault.handlers, 'reminders.dismiss', { id })).toMatchObject({ ok: true, value: { id, dismissedAt: vault.clock.now() } })
    expect(await dispatch(vault.handlers, 'reminders.list', {})).toEqual({ ok: true, value: [] })
    expect(await dispatch(vault.handlers, 'reminders.list', { includePast: true })).toMatchObject({ ok: true, value: [{ id }] })

    expect(await dispatch(vault.handlers, 'reminders.getSettings', {})).toEqual({
      ok: true,
      value: { draftReady: true, sessionTomorrow: true, ruleReview: true, reflectionPrompt: { enabled: false, time: '20:00', timeZone: 'UTC' } },
    })
    const bad = await dispatch(vault.handlers, 'reminders.setSettings', {
      draftReady: true,
      sessionTomorrow: true,
      ruleReview: true,
      reflectionPrompt: { enabled: true, time: '25:00', timeZone: 'UTC' },
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reflectionPrompt.time' } })
  })

  it('a locked vault lists nothing', async () => {
    vault.core.lock('manual')
    expect(await dispatch(vault.handlers, 'reminders.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
  })
})
