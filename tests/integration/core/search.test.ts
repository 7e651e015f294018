import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { insertRow } from '../../../src/main/core/db/table.repo'
import { newId } from '../../../src/main/core/ids'
import { reflectionsTable } from '../../../src/main/core/reflections/reflections.repo'
import { toFtsQuery } from '../../../src/main/core/search/fts-query'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const kinds = (query: string) => vault.core.search.query({ query, limit: 50, cursor: null }).hits.map((h) => h.kind).sort()

describe('full-text search inside the encrypted database', () => {
  it('finds words in notes, takeaways, homework, reflections, points, contacts and drafts', () => {
    writeOneOfEverything(vault.core, 'zebra')
    expect(kinds('zebra')).toEqual(['contact', 'draft', 'reflection', 'session', 'talking_point'])
    expect(kinds('homework')).toEqual(['session'])
    expect(kinds('takeaways')).toEqual(['session'])
  })

  it('highlights the match in the snippet and follows typing with a prefix', () => {
    vault.core.reflections.create({ body: 'I felt calmer after the walk by the river.', mood: null, tags: [], sessionId: null, bringToSession: false })
    const [hit] = vault.core.search.query({ query: 'riv', limit: 10, cursor: null }).hits
    expect(hit?.snippet).toContain('\u0002river\u0003')
  })

  it('keeps the index in step with edits and deletes', () => {
    const r = vault.core.reflections.create({ body: 'apples', mood: null, tags: [], sessionId: null, bringToSession: false })
    vault.core.reflections.update({ id: r.id, patch: { body: 'pears' } })
    expect(kinds('apples')).toEqual([])
    expect(kinds('pears')).toEqual(['reflection'])
    vault.core.reflections.delete({ id: r.id })
    expect(kinds('pears')).toEqual([])
  })

  it('pages newest-written first with a cursor', () => {
    for (let i = 0; i < 5; i++) vault.core.reflections.create({ body: `note number ${i}`, mood: null, tags: [], sessionId: null, bringToSession: false })
    const first = vault.core.search.query({ query: 'note', limit: 2, cursor: null })
    const second = vault.core.search.query({ query: 'note', limit: 2, cursor: first.nextCursor })
    const third = vault.core.search.query({ query: 'note', limit: 2, cursor: second.nextCursor })
    const bodies = [...first.hits, ...second.hits, ...third.hits].map((h) => vault.core.reflections.get({ id: h.id }).body)
    expect(bodies).toEqual(['note number 4', 'note number 3', 'note number 2', 'note number 1', 'note number 0'])
    expect(third.nextCursor).toBeNull()
  })

  it('orders by the date an entry is about: a back-dated session written last lands by its date', () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Ash', pronouns: '', practice: 'Practice', timeZone: 'Europe/London', channels: [] })
    const reflection = vault.core.reflections.create({ body: 'the lighthouse again', mood: null, tags: [], sessionId: null, bringToSession: false })
    const session = (startsAt: number) =>
      vault.core.sessions.create({
        therapistId: therapist.id, startsAt, timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: startsAt <= vault.clock.now() ? 'attended' : 'scheduled',
        notes: 'we talked about the lighthouse', moodBefore: null, moodAfter: null, takeaways: '', homework: [],
      })
    const lastYear = session(Date.UTC(2025, 0, 10, 9, 0))
    const nextWeek = session(vault.clock.now() + 7 * 86_400_000)
    const ids = (order: 'date' | 'relevance', cursor: string | null = null) => vault.core.search.query({ query: 'lighthouse', limit: 2, cursor, order })
    const first = ids('date')
    const second = ids('date', first.nextCursor)
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual([nextWeek.id, reflection.id, lastYear.id])
    expect(second.nextCursor).toBeNull()
    expect(first.hits[0]?.snippet).toContain('\u0002lighthouse\u0003')
  })

  it('orders a common word (thousands of matches) by date too, pages joining without gaps', () => {
    const db = vault.core.vault.db()
    const day = 86_400_000
    const start = Date.UTC(2020, 0, 1)
    // Written in an order unlike their dates: every third one is about a day long before.
    const dates = Array.from({ length: 2_100 }, (_, i) => (i % 3 === 0 ? start - i * day : start + i * day))
    db.transaction(() => {
      dates.forEach((at, i) => insertRow(db, reflectionsTable, { id: newId(at), body: `tide ${i}`, mood: null, sessionId: null, bringToSession: false, createdAt: at, updatedAt: at }))
    })()
    const seen: number[] = []
    let cursor: string | null = null
    for (let page = 0; page < 3; page++) {
      const result = vault.core.search.query({ query: 'tide', limit: 200, cursor, order: 'date' })
      seen.push(...result.hits.map((h) => h.at))
      cursor = result.nextCursor
    }
    expect(seen).toEqual([...dates].sort((a, b) => b - a).slice(0, 600))
  })

  it('orders by best match on request, paging through every hit once', () => {
    const create = (body: string) => vault.core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false }).id
    const dense = create('storm storm storm')
    const sparse = create(`a long walk on a grey day with many other words before the storm came and went ${'and more words '.repeat(20)}`)
    const short = create('the storm')
    const first = vault.core.search.query({ query: 'storm', limit: 2, cursor: null, order: 'relevance' })
    const second = vault.core.search.query({ query: 'storm', limit: 2, cursor: first.nextCursor, order: 'relevance' })
    expect(first.hits.map((h) => h.id)).toEqual([dense, short])
    expect(second.hits.map((h) => h.id)).toEqual([sparse])
    expect(second.nextCursor).toBeNull()
    expect(second.hits[0]?.snippet).toContain('\u0002storm\u0003')
    expect(vault.core.search.query({ query: 'storm', limit: 50, cursor: null, order: 'date' }).hits.map((h) => h.id)).toEqual([short, sparse, dense])
  })

  it('starts from the top on a cursor that does not parse or belongs to the other order', () => {
    for (let i = 0; i < 3; i++) vault.core.reflections.create({ body: `gull ${i}`, mood: null, tags: [], sessionId: null, bringToSession: false })
    for (const order of ['date', 'relevance'] as const) {
      const top = vault.core.search.query({ query: 'gull', limit: 2, cursor: null, order })
      const other = vault.core.search.query({ query: 'gull', limit: 2, cursor: null, order: order === 'date' ? 'relevance' : 'date' }).nextCursor
      for (const cursor of ['d:x:1', 'r:-1', 't:5:1', 'nonsense', 'd:1:2:3', other]) {
        expect(vault.core.search.query({ query: 'gull', limit: 2, cursor, order }).hits).toEqual(top.hits)
      }
    }
  })

  it('refuses an order it does not know, naming the field', async () => {
    const result = await dispatch(vault.handlers, 'search.query', { query: 'storm', order: 'newest' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'order' } })
    const byDefault = await dispatch(vault.handlers, 'search.query', { query: 'storm' })
    expect(byDefault).toMatchObject({ ok: true, value: { hits: [] } })
  })

  it('treats operators and punctuation as plain words', () => {
    vault.core.reflections.create({ body: 'NOT sure OR maybe', mood: null, tags: [], sessionId: null, bringToSession: false })
    expect(kinds('NOT sure')).toEqual(['reflection'])
    expect(kinds('"')).toEqual([])
    expect(toFtsQuery('a"b NEAR(c')).toBe('"a" AND "b" AND "NEAR" AND "c"*')
  })
})
