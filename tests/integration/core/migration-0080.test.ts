import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0080: therapist pronouns', () => {
  it('gives every existing therapist empty pronouns and keeps the rest of the row', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(70))
    db.prepare("INSERT INTO therapists (id, name, practice, time_zone, channels, created_at, updated_at) VALUES ('t1', 'Dr Rao', 'Riverside', 'Europe/London', '[]', 1, 2)").run()

    migrate(db, upTo(80))
    expect(schemaVersion(db)).toBe(80)
    expect(db.prepare("SELECT * FROM therapists WHERE id = 't1'").get()).toEqual({
      id: 't1',
      name: 'Dr Rao',
      pronouns: '',
      practice: 'Riverside',
      time_zone: 'Europe/London',
      channels: '[]',
      created_at: 1,
      updated_at: 2,
    })
  })
})

describe('therapist pronouns through the contract', () => {
  let vault: TestVault
  afterEach(() => vault.cleanup())
  const call = (channel: string, input: unknown) => dispatch(vault.handlers, channel, input)

  it('are optional on create, saved trimmed, changed by update, and the sessions that refer to the therapist are kept', async () => {
    vault = await createTestVault()
    const created = await call('therapists.create', { name: 'Dr Rao', timeZone: 'Europe/London' })
    expect(created).toMatchObject({ ok: true, value: { pronouns: '' } })
    const id = (created as { value: { id: string } }).value.id
    const session = await call('sessions.create', { therapistId: id, startsAt: Date.UTC(2026, 1, 2, 17), timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended' })
    expect(session.ok).toBe(true)

    const updated = await call('therapists.update', { id, patch: { pronouns: '  she/her ' } })
    expect(updated).toMatchObject({ ok: true, value: { name: 'Dr Rao', pronouns: 'she/her' } })
    expect(await call('therapists.get', { id })).toMatchObject({ ok: true, value: { pronouns: 'she/her' } })
    expect(await call('sessions.list', {})).toMatchObject({ ok: true, value: [{ therapistId: id }] })
  })

  it('refuses pronouns that are too long or not text with a typed error and changes nothing', async () => {
    vault = await createTestVault()
    const created = await call('therapists.create', { name: 'Dr Rao', pronouns: 'they/them', timeZone: 'Europe/London' })
    const id = (created as { value: { id: string } }).value.id
    const before = digestDatabase(vault.core.vault.db())
    for (const pronouns of ['x'.repeat(61), 42, null]) {
      const result = await call('therapists.update', { id, patch: { pronouns } })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
    expect(await call('therapists.get', { id })).toMatchObject({ ok: true, value: { pronouns: 'they/them' } })
  })
})
