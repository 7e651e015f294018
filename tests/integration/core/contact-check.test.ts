import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../src/main/core/ids'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { evaluateSnapshot, type ContactCheckSnapshot } from '../../../src/shared/domain/contact-check'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const HOUR = 3_600_000

/** The seed scenario, end to end through the store: session Tuesday, a few days' buffer. */
describe('contactCheck.evaluate over the store', () => {
  it('gathers sessions, rules and the log, and answers with the agreement quoted', async () => {
    const tuesday17 = Date.UTC(2026, 2, 3, 17, 0) // Tue 3 March 2026, London = UTC in winter
    const therapist = vault.core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    vault.clock.set(tuesday17 + 60 * 60_000) // the session has happened
    vault.core.sessions.create({ therapistId: therapist.id, startsAt: tuesday17, timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    const rule = vault.core.rules.create({
      therapistId: therapist.id,
      severity: 'block',
      agreementText: 'Give it a few days after a session unless something significant happens.',
      agreedOn: Date.UTC(2026, 1, 10),
      reviewBy: null,
      active: true,
      body: { kind: 'buffer_after_session', params: { hours: 72, exemptPurposes: ['concern', 'significant_event'] } },
    })
    vault.clock.set(tuesday17 + 3 * HOUR) // Tuesday evening
    const gratitude = await dispatch(vault.handlers, 'contactCheck.evaluate', {
      therapistId: therapist.id,
      request: { purpose: 'update', channel: 'text', draftText: 'Thank you for today.' },
      personZone: 'Europe/London',
    })
    expect(gratitude).toMatchObject({ ok: true, value: { verdict: { kind: 'wait_until', at: tuesday17 + 50 * 60_000 + 72 * HOUR } } })
    const line = gratitude.ok ? (gratitude.value as { lines: Array<{ ruleId: string; message: string }> }).lines[0] : undefined
    expect(line?.ruleId).toBe(rule.id)

    // An edited agreement applies at once (the rules kept between keystrokes are refreshed).
    vault.core.rules.update({ id: rule.id, patch: {}, body: { kind: 'buffer_after_session', params: { hours: 1, exemptPurposes: [] } } })
    const edited = await dispatch(vault.handlers, 'contactCheck.evaluate', {
      therapistId: therapist.id,
      request: { purpose: 'update', channel: 'text', draftText: 'Thank you for today.' },
      personZone: 'Europe/London',
    })
    expect(edited).toMatchObject({ ok: true, value: { verdict: { kind: 'send' } } })
    vault.core.rules.update({ id: rule.id, patch: {}, body: { kind: 'buffer_after_session', params: { hours: 72, exemptPurposes: ['concern', 'significant_event'] } } })

    vault.clock.set(tuesday17 + 18 * HOUR) // Wednesday morning
    const event = await dispatch(vault.handlers, 'contactCheck.evaluate', {
      therapistId: therapist.id,
      request: { purpose: 'significant_event', channel: 'text' },
      personZone: 'Europe/London',
    })
    expect(event).toMatchObject({ ok: true, value: { verdict: { kind: 'send' } } })
  })

  it('a retired rule is not checked, and crisis always returns the plan first', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    const rule = vault.core.rules.create({
      therapistId: therapist.id, severity: 'block', agreementText: 'Never social media.', agreedOn: null, reviewBy: null, active: true,
      body: { kind: 'channel_for_purpose', params: { allowed: [], never: ['social'] } },
    })
    vault.core.crisisPlan.save({ warningSigns: [], copingStrategies: ['Breathe slowly'], distractions: [], helpers: [], professionals: [], crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }], emergencyNumber: '999', safeEnvironment: [], reasonsToLive: [] })
    const ask = (purpose: string) =>
      vault.core.contactCheck.evaluate({ therapistId: therapist.id, request: { purpose, channel: 'social' } as never, personZone: 'Europe/London', locale: 'en-GB' })
    expect(ask('crisis').verdict).toMatchObject({ kind: 'crisis_plan', plan: { emergencyNumber: '999', steps: ['Breathe slowly'] } })
    vault.core.rules.update({ id: rule.id, patch: { retire: true } })
    expect(ask('scheduling').lines).toEqual([])
  })
})

describe('contactCheck.inputs: what the check reads, for the renderer to ask it itself', () => {
  it('answers exactly as contactCheck.evaluate does, from the same gathered inputs', async () => {
    const start = Date.UTC(2026, 2, 3, 17, 0)
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    vault.clock.set(start + HOUR)
    vault.core.sessions.create({ therapistId: therapist.id, startsAt: start, timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    vault.core.rules.create({
      therapistId: therapist.id, severity: 'block', agreementText: '', agreedOn: null, reviewBy: null, active: true,
      body: { kind: 'buffer_after_session', params: { hours: 72, exemptPurposes: ['concern'] } },
    })
    vault.core.rules.create({
      therapistId: therapist.id, severity: 'block', agreementText: 'Weekdays, office hours.', agreedOn: null, reviewBy: null, active: true,
      body: { kind: 'contact_hours', params: { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }], exemptPurposes: [], exemptChannels: [] } },
    })
    vault.core.crisisPlan.save({ warningSigns: [], copingStrategies: ['Breathe slowly'], distractions: [], helpers: [], professionals: [], crisisLines: [], emergencyNumber: '999', safeEnvironment: [], reasonsToLive: [] })
    vault.clock.set(start + 3 * HOUR)

    const got = await dispatch(vault.handlers, 'contactCheck.inputs', { therapistId: therapist.id })
    if (!got.ok) throw new Error(got.error.code)
    const snapshot = got.value as ContactCheckSnapshot
    expect(snapshot.gatheredAt).toBe(start + 3 * HOUR)
    expect(snapshot.rules.map((r) => r.kind).sort()).toEqual(['buffer_after_session', 'contact_hours'])
    expect(snapshot.sessions).toHaveLength(1)
    // The plan travels only when asked for.
    expect(snapshot.crisisPlan).toBeNull()
    const withPlan = await dispatch(vault.handlers, 'contactCheck.inputs', { therapistId: therapist.id, withCrisisPlan: true })
    expect(withPlan).toMatchObject({ ok: true, value: { crisisPlan: { steps: ['Breathe slowly'], emergencyNumber: '999' } } })

    for (const purpose of ['update', 'concern', 'scheduling'] as const) {
      for (const channel of ['text', 'email'] as const) {
        const request = { purpose, channel }
        const core = await dispatch(vault.handlers, 'contactCheck.evaluate', { therapistId: therapist.id, request, personZone: 'Europe/London' })
        if (!core.ok) throw new Error(core.error.code)
        expect(evaluateSnapshot(snapshot, { now: snapshot.gatheredAt, personZone: 'Europe/London', locale: 'en-GB', request })).toEqual(core.value)
      }
    }
  })

  it('while "coaching before, not after" pauses, both answer with the crisis plan', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    const now = Date.UTC(2026, 2, 4, 12)
    vault.clock.set(now - 2 * HOUR)
    vault.core.rules.create({
      therapistId: therapist.id, severity: 'block', agreementText: '', agreedOn: null, reviewBy: null, active: true,
      body: { kind: 'coaching_before_not_after', params: { hours: 24, purposes: [], alternative: '' } },
    })
    vault.core.contacts.create({ therapistId: therapist.id, direction: 'sent', channel: 'phone', purpose: 'significant_event', at: now - HOUR, summary: '', overriddenRuleIds: [] })
    vault.core.crisisPlan.save({ warningSigns: [], copingStrategies: ['Cold water'], distractions: [], helpers: [], professionals: [], crisisLines: [], emergencyNumber: '999', safeEnvironment: [], reasonsToLive: [] })
    vault.clock.set(now)
    const request = { purpose: 'update', channel: 'phone' } as const
    const core = await dispatch(vault.handlers, 'contactCheck.evaluate', { therapistId: therapist.id, request, personZone: 'Europe/London' })
    expect(core).toMatchObject({ ok: true, value: { verdict: { kind: 'crisis_plan', plan: { steps: ['Cold water'], emergencyNumber: '999' } } } })
    const inputs = await dispatch(vault.handlers, 'contactCheck.inputs', { therapistId: therapist.id, withCrisisPlan: true })
    if (!inputs.ok || !core.ok) throw new Error('not ok')
    const snapshot = inputs.value as ContactCheckSnapshot
    expect(evaluateSnapshot(snapshot, { now, personZone: 'Europe/London', locale: 'en-GB', request })).toEqual(core.value)
  })

  it('bad input gets a typed error and changes nothing', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    const before = vault.core.vault.db().prepare('SELECT total_changes()').pluck().get()
    const wrong = await dispatch(vault.handlers, 'contactCheck.inputs', { therapistId: therapist.id, withCrisisPlan: 'yes' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const missing = await dispatch(vault.handlers, 'contactCheck.inputs', { therapistId: newId() })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(vault.core.vault.db().prepare('SELECT total_changes()').pluck().get()).toBe(before)
  })
})
