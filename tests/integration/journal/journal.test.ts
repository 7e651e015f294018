import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const call = (channel: string, input: unknown) => dispatch(vault.handlers, channel, input)
const localTime = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)

describe('sessions.createSeries', () => {
  it('schedules weekly sessions at the same local time across a clock change', async () => {
    // Tue 17 Mar 2026 17:00 GMT; clocks go forward on Sun 29 Mar.
    const startsAt = Date.UTC(2026, 2, 17, 17)
    const result = await call('sessions.createSeries', { startsAt, timeZone: 'Europe/London', repeat: 'weekly', count: 4, format: 'video' })
    if (!result.ok) throw new Error(result.error.code)
    const sessions = result.value as Array<{ startsAt: number; status: string; format: string }>
    expect(sessions.map((s) => localTime(s.startsAt))).toEqual(['Tue 17:00', 'Tue 17:00', 'Tue 17:00', 'Tue 17:00'])
    expect(sessions[2]!.startsAt - sessions[1]!.startsAt).toBe(7 * 24 * 3_600_000 - 3_600_000)
    expect(sessions.every((s) => s.status === 'scheduled' && s.format === 'video')).toBe(true)
    expect(vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 100 })).toHaveLength(4)
  })

  it('repeats fortnightly and refuses more than 52', async () => {
    const startsAt = Date.UTC(2026, 0, 6, 9)
    const result = await call('sessions.createSeries', { startsAt, timeZone: 'UTC', repeat: 'fortnightly', count: 3 })
    expect(result.ok && (result.value as Array<{ startsAt: number }>).map((s) => s.startsAt)).toEqual([startsAt, startsAt + 14 * 86_400_000, startsAt + 28 * 86_400_000])
    expect(await call('sessions.createSeries', { startsAt, timeZone: 'UTC', repeat: 'weekly', count: 53 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'count' } })
  })
})

describe('undoable deletes', () => {
  it('restores a deleted reflection with its ID, times, tags and talking points', async () => {
    vault.clock.set(Date.UTC(2026, 1, 1, 20))
    const reflection = vault.core.reflections.create({ body: 'the heron again', mood: 4, tags: ['small things'], sessionId: null, bringToSession: true })
    const point = vault.core.talkingPoints.create({ text: 'birds', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: reflection.id, sourceDraftId: null, status: 'open' })
    const links = await call('reflections.links', { id: reflection.id })
    expect(links).toEqual({ ok: true, value: { talkingPointIds: [point.id] } })
    vault.core.reflections.delete({ id: reflection.id })
    expect(vault.core.talkingPoints.get({ id: point.id }).sourceReflectionId).toBeNull()

    vault.clock.set(Date.UTC(2026, 1, 2, 9))
    const restored = await call('reflections.restore', { reflection, talkingPointIds: [point.id] })
    expect(restored).toEqual({ ok: true, value: reflection })
    expect(vault.core.talkingPoints.get({ id: point.id }).sourceReflectionId).toBe(reflection.id)
    expect(vault.core.search.query({ query: 'heron', limit: 5, cursor: null }).hits.map((h) => h.id)).toEqual([reflection.id])
    // A second restore of the same copy is a conflict, not a duplicate.
    expect(await call('reflections.restore', { reflection, talkingPointIds: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('restores a deleted session and re-attaches its reflections and talking points', async () => {
    const session = vault.core.sessions.create({ therapistId: null, startsAt: Date.UTC(2026, 1, 3, 17), timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended', notes: 'notes', moodBefore: 2, moodAfter: 3, takeaways: '', homework: [{ text: 'walk', status: 'todo' }] })
    const reflection = vault.core.reflections.create({ body: 'after', mood: null, tags: [], sessionId: session.id, bringToSession: false })
    const point = vault.core.talkingPoints.create({ text: 'x', priority: 'normal', position: 0, targetSessionId: session.id, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    const links = await call('sessions.links', { id: session.id })
    expect(links).toEqual({ ok: true, value: { reflectionIds: [reflection.id], talkingPointIds: [point.id] } })
    vault.core.sessions.delete({ id: session.id })
    const restored = await call('sessions.restore', { session, reflectionIds: [reflection.id], talkingPointIds: [point.id] })
    expect(restored).toEqual({ ok: true, value: session })
    expect(vault.core.reflections.get({ id: reflection.id }).sessionId).toBe(session.id)
    expect(vault.core.talkingPoints.get({ id: point.id }).targetSessionId).toBe(session.id)
  })

  it('restores a deleted draft with its ID, times and the talking point made from it', async () => {
    vault.clock.set(Date.UTC(2026, 1, 4, 8))
    const draft = vault.core.drafts.create({ therapistId: null, body: 'can we move Thursday?', purpose: 'scheduling', channel: 'email', remindAt: null })
    const point = vault.core.talkingPoints.create({ text: 'Thursday', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: draft.id, status: 'open' })
    expect(await call('drafts.links', { id: draft.id })).toEqual({ ok: true, value: { talkingPointIds: [point.id] } })
    vault.core.drafts.delete({ id: draft.id })
    expect(vault.core.talkingPoints.get({ id: point.id }).sourceDraftId).toBeNull()

    vault.clock.set(Date.UTC(2026, 1, 4, 9))
    expect(await call('drafts.restore', { draft, talkingPointIds: [point.id] })).toEqual({ ok: true, value: draft })
    expect(vault.core.talkingPoints.get({ id: point.id }).sourceDraftId).toBe(draft.id)
    expect(await call('drafts.restore', { draft, talkingPointIds: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('refuses a malformed draft restore or links of an unknown draft, and changes nothing', async () => {
    const draft = vault.core.drafts.create({ therapistId: null, body: 'kept', purpose: 'scheduling', channel: 'email', remindAt: null })
    const before = vault.core.drafts.list({})
    expect(await call('drafts.links', { id: 'no-such-draft' })).toMatchObject({ ok: false })
    expect(await call('drafts.restore', { draft: { ...draft, id: 'x', purpose: 'gossip' }, talkingPointIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('drafts.restore', { draft, talkingPointIds: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(vault.core.drafts.list({})).toEqual(before)
  })

  it('restores a reflection whose session has gone since, without the link', async () => {
    const session = vault.core.sessions.create({ therapistId: null, startsAt: Date.UTC(2026, 1, 3, 17), timeZone: 'UTC', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    const reflection = vault.core.reflections.create({ body: 'b', mood: null, tags: [], sessionId: session.id, bringToSession: false })
    vault.core.reflections.delete({ id: reflection.id })
    vault.core.sessions.delete({ id: session.id })
    const restored = await call('reflections.restore', { reflection, talkingPointIds: [] })
    expect(restored.ok && (restored.value as { sessionId: string | null }).sessionId).toBeNull()
  })
})

describe('mood.trend', () => {
  it('averages reflection and session moods per local week, oldest first', async () => {
    const rate = (at: number, mood: number) => {
      vault.clock.set(at)
      vault.core.reflections.create({ body: '', mood, tags: [], sessionId: null, bringToSession: false })
    }
    rate(Date.UTC(2026, 2, 2, 10), 2) // Mon 2 Mar
    rate(Date.UTC(2026, 2, 8, 23, 30), 4) // Sun 8 Mar, 23:30 London: still that week
    rate(Date.UTC(2026, 2, 9, 8), 5) // Mon 9 Mar
    vault.clock.set(Date.UTC(2026, 2, 10, 18)) // after the session: it can be attended
    vault.core.sessions.create({ therapistId: null, startsAt: Date.UTC(2026, 2, 10, 17), timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: 1, moodAfter: 3, takeaways: '', homework: [] })
    const result = await call('mood.trend', { timeZone: 'Europe/London', bucket: 'week' })
    expect(result).toEqual({
      ok: true,
      value: {
        buckets: [
          { start: Date.UTC(2026, 2, 2), average: 3, low: 2, high: 4, count: 2 },
          { start: Date.UTC(2026, 2, 9), average: 3, low: 1, high: 5, count: 3 },
        ],
        skipped: 0,
      },
    })
    const days = await call('mood.trend', { timeZone: 'Asia/Tokyo', bucket: 'day', from: Date.UTC(2026, 2, 9) })
    // Tokyo is UTC+9: 08:00 UTC Mon is Mon 17:00 there; the session's ratings fall on Wed (02:00, 02:50 local).
    expect(days.ok && (days.value as { buckets: Array<{ start: number; count: number }> }).buckets).toEqual([
      { start: Date.UTC(2026, 2, 8, 15), average: 5, low: 5, high: 5, count: 1 },
      { start: Date.UTC(2026, 2, 10, 15), average: 2, low: 1, high: 3, count: 2 },
    ])
  })
})
