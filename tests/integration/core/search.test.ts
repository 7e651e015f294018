import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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

  it('treats operators and punctuation as plain words', () => {
    vault.core.reflections.create({ body: 'NOT sure OR maybe', mood: null, tags: [], sessionId: null, bringToSession: false })
    expect(kinds('NOT sure')).toEqual(['reflection'])
    expect(kinds('"')).toEqual([])
    expect(toFtsQuery('a"b NEAR(c')).toBe('"a" "b" "NEAR" "c"*')
  })
})
