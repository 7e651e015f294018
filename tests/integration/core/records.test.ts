import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

describe('records round trip through a real encrypted vault', () => {
  it('reads back every entity exactly as written, after lock and unlock', async () => {
    const written = writeOneOfEverything(vault.core, 'roundtrip')
    vault.core.lock('manual')
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    const { core } = vault

    expect(core.therapists.get({ id: written.therapist.id })).toEqual(written.therapist)
    expect(core.sessions.get({ id: written.session.id })).toEqual(written.session)
    expect(core.sessions.get({ id: written.session.id }).homework[0]).toMatchObject({ text: 'homework roundtrip', status: 'todo' })
    expect(core.reflections.get({ id: written.reflection.id })).toEqual(written.reflection)
    expect(written.reflection.tags).toEqual(['sleep', 'tagroundtrip'])
    expect(core.talkingPoints.get({ id: written.talkingPoint.id })).toEqual(written.talkingPoint)
    expect(core.drafts.get({ id: written.draft.id })).toEqual(written.draft)
    expect(core.contacts.get({ id: written.contact.id })).toEqual(written.contact)
    expect(core.absences.get({ id: written.absence.id })).toEqual(written.absence)
    expect(core.rules.get({ id: written.rule.id })).toEqual(written.rule)
    expect(core.crisisPlan.get()).toEqual(written.plan)
  })

  it('updates change only the fields named and move updatedAt', () => {
    const { reflection } = writeOneOfEverything(vault.core, 'update')
    vault.clock.advance(60_000)
    const updated = vault.core.reflections.update({ id: reflection.id, patch: { mood: 5, tags: ['Sleep', 'work', 'WORK'] } })
    expect(updated).toEqual({ ...reflection, mood: 5, tags: ['sleep', 'work'], updatedAt: reflection.updatedAt + 60_000 })
  })

  it('deletes, and a deleted item is NOT_FOUND', () => {
    const { draft } = writeOneOfEverything(vault.core, 'delete')
    expect(vault.core.drafts.delete({ id: draft.id })).toEqual({ id: draft.id, deleted: true })
    expect(() => vault.core.drafts.get({ id: draft.id })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('lists sessions newest first within a range, and tags with counts', () => {
    const starts = [Date.UTC(2026, 0, 6), Date.UTC(2026, 0, 13), Date.UTC(2026, 0, 20)]
    for (const startsAt of starts) {
      vault.core.sessions.create({ therapistId: null, startsAt, timeZone: 'UTC', durationMinutes: 50, format: 'in_person', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    }
    const listed = vault.core.sessions.list({ from: starts[1] as number, to: null, therapistId: null, limit: 10 })
    expect(listed.map((s) => s.startsAt)).toEqual([starts[2], starts[1]])
    vault.core.reflections.create({ body: 'a', mood: null, tags: ['Sleep'], sessionId: null, bringToSession: false })
    vault.core.reflections.create({ body: 'b', mood: null, tags: ['sleep', 'family'], sessionId: null, bringToSession: false })
    expect(vault.core.reflections.listTags().map(({ name, count }) => [name, count])).toEqual([['family', 1], ['Sleep', 2]])
  })

  it('a reference to something that does not exist is INVALID_INPUT and writes nothing', () => {
    expect(() =>
      vault.core.reflections.create({ body: 'x', mood: null, tags: ['t'], sessionId: '01890a5d-ac96-7ab2-80e2-4536629c90de', bringToSession: false }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(vault.core.reflections.list({ limit: 10, before: null, tag: null })).toEqual([])
    expect(vault.core.reflections.listTags()).toEqual([])
  })

  it('keeps every version of a changed rule', () => {
    const { rule } = writeOneOfEverything(vault.core, 'rules')
    vault.clock.advance(1000)
    const paused = vault.core.rules.update({ id: rule.id, patch: { active: false } })
    vault.clock.advance(1000)
    const retired = vault.core.rules.update({ id: rule.id, patch: { retire: true } })
    expect(paused.version).toBe(2)
    expect(retired).toMatchObject({ version: 3, active: false, retiredAt: rule.createdAt + 2000 })
    expect(vault.core.rules.history({ id: rule.id }).map((v) => [v.version, v.active, v.retiredAt !== null])).toEqual([
      [3, false, true],
      [2, false, false],
      [1, true, false],
    ])
    expect(vault.core.rules.list({ therapistId: null, includeRetired: false })).toEqual([])
    expect(vault.core.rules.list({ therapistId: null, includeRetired: true })).toHaveLength(1)
  })

  it('announces which tables a write touched', () => {
    writeOneOfEverything(vault.core, 'events')
    const tables = vault.events.log.filter((e) => e.event === 'data.changed').flatMap((e) => (e.payload as { tables: string[] }).tables)
    expect(new Set(tables)).toEqual(new Set(['therapists', 'sessions', 'reflections', 'tags', 'talking_points', 'drafts', 'contacts', 'absences', 'rules', 'rule_versions', 'crisis_plan']))
  })
})

describe('a locked vault', () => {
  it('answers VAULT_LOCKED on every channel except status, create and unlock', async () => {
    vault.core.lock('manual')
    const handlers = createHandlers(vault.core)
    const calls: Array<[string, unknown]> = [
      ['crisisPlan.save', {}],
      ['crisisPlan.get', {}],
      ['search.query', { query: 'x' }],
      ['reflections.create', { body: 'x' }],
      ['reflections.list', {}],
      ['therapists.list', {}],
      ['drafts.list', {}],
      ['tags.list', {}],
      ['rules.list', {}],
    ]
    for (const [channel, input] of calls) {
      const result = await dispatch(handlers, channel, input)
      expect(result, channel).toEqual({ ok: false, error: expect.objectContaining({ code: 'VAULT_LOCKED' }) })
    }
    expect(await dispatch(handlers, 'vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } })
  })
})
