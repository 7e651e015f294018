import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const HOUR = 3_600_000
const call = (channel: string, input: unknown) => dispatch(vault.handlers, channel, input)
const session = (startsAt: number, status: 'scheduled' | 'attended' | 'missed' | 'cancelled' = 'scheduled') => ({
  startsAt,
  timeZone: 'Europe/London',
  status,
})

describe('session status follows time', () => {
  it('refuses to mark a session that has not started as attended or missed, and changes nothing', async () => {
    const now = vault.clock.now()
    const created = await call('sessions.create', session(now + 2 * HOUR))
    if (!created.ok) throw new Error(created.error.code)
    const id = (created.value as { id: string }).id
    const before = digestDatabase(vault.core.vault.db())
    for (const status of ['attended', 'missed'] as const) {
      const result = await call('sessions.update', { id, patch: { status } })
      expect(result).toEqual({
        ok: false,
        error: { code: 'SESSION_NOT_STARTED', message: 'Only a session that has started can be marked attended or missed. Nothing was changed.', field: 'status' },
      })
    }
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
    // Moving an attended session into the future is the same thing said another way.
    const past = await call('sessions.create', session(now - 2 * HOUR, 'attended'))
    if (!past.ok) throw new Error(past.error.code)
    const beforeMove = digestDatabase(vault.core.vault.db())
    expect(await call('sessions.update', { id: (past.value as { id: string }).id, patch: { startsAt: now + 24 * HOUR } })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_NOT_STARTED' },
    })
    expect(digestDatabase(vault.core.vault.db())).toBe(beforeMove)
    expect(await call('sessions.create', session(now + HOUR, 'missed'))).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_STARTED' } })
    expect(vault.core.sessions.get({ id }).status).toBe('scheduled')
  })

  it('lets a future session be scheduled or cancelled, and a started one be attended or missed', async () => {
    const now = vault.clock.now()
    const future = vault.core.sessions.create({ ...session(now + HOUR), durationMinutes: 50, format: 'video', therapistId: null, notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    expect(vault.core.sessions.update({ id: future.id, patch: { status: 'cancelled' } }).status).toBe('cancelled')
    vault.clock.set(now + HOUR)
    expect(vault.core.sessions.update({ id: future.id, patch: { status: 'attended' } }).status).toBe('attended')
    expect(vault.core.sessions.update({ id: future.id, patch: { status: 'missed' } }).status).toBe('missed')
  })

  it('moves "next session" on when the current one is marked attended', async () => {
    const now = vault.clock.now()
    const base = { timeZone: 'Europe/London', durationMinutes: 50, format: 'video' as const, therapistId: null, notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] }
    const first = vault.core.sessions.create({ ...base, startsAt: now + HOUR, status: 'scheduled' })
    const second = vault.core.sessions.create({ ...base, startsAt: now + 7 * 24 * HOUR, status: 'scheduled' })
    const nextId = async () => {
      const prep = await call('sessionPrep.open', {})
      if (!prep.ok) throw new Error(prep.error.code)
      return (prep.value as { nextSession: { id: string } | null }).nextSession?.id
    }
    expect(await nextId()).toBe(first.id)
    vault.clock.set(now + HOUR + 10 * 60_000)
    vault.core.sessions.update({ id: first.id, patch: { status: 'attended' } })
    expect(await nextId()).toBe(second.id)
  })
})
