import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const reflect = (tags: string[], body = 'a reflection') =>
  vault.core.reflections.create({ body, mood: null, tags, sessionId: null, bringToSession: false })
const call = (channel: string, input: unknown) => dispatch(vault.handlers, channel, input)
const tagNamed = (name: string) => {
  const tag = vault.core.reflections.listTags().find((t) => t.name === name)
  if (!tag) throw new Error(`no tag ${name}`)
  return tag
}
const tablesChanged = () => vault.events.log.filter((e) => e.event === 'data.changed').map((e) => (e.payload as { tables: string[] }).tables)

describe('tags.rename', () => {
  it('renames a tag on every reflection that has it', async () => {
    const a = reflect(['sleep', 'work'])
    const b = reflect(['sleep'])
    const result = await call('tags.rename', { id: tagNamed('sleep').id, name: 'rest' })
    expect(result).toEqual({ ok: true, value: { id: tagNamed('rest').id, name: 'rest', count: 2 } })
    expect(vault.core.reflections.get({ id: a.id }).tags).toEqual(['rest', 'work'])
    expect(vault.core.reflections.get({ id: b.id }).tags).toEqual(['rest'])
    expect(vault.core.reflections.listTags().map((t) => t.name)).toEqual(['rest', 'work'])
    expect(tablesChanged().at(-1)).toEqual(['tags', 'reflections'])
  })

  it('allows changing only the case', async () => {
    reflect(['sleep'])
    const result = await call('tags.rename', { id: tagNamed('sleep').id, name: 'Sleep' })
    expect(result.ok && result.value).toMatchObject({ name: 'Sleep', count: 1 })
  })

  it('refuses a name another tag has (any case) with CONFLICT, and changes nothing', async () => {
    const r = reflect(['sleep', 'Work'])
    const result = await call('tags.rename', { id: tagNamed('sleep').id, name: 'work' })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } })
    expect(vault.core.reflections.get({ id: r.id }).tags).toEqual(['sleep', 'Work'])
  })

  it('trims the name, refuses an empty one and an unknown tag', async () => {
    reflect(['sleep'])
    const trimmed = await call('tags.rename', { id: tagNamed('sleep').id, name: '  rest  ' })
    expect(trimmed).toMatchObject({ ok: true, value: { name: 'rest' } })
    expect(await call('tags.rename', { id: tagNamed('rest').id, name: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } })
    const unknown = '01890000-0000-7000-8000-000000000000'
    expect(await call('tags.rename', { id: unknown, name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps the timeline’s tag filter working under the new name', async () => {
    reflect(['sleep'])
    vault.core.tags.rename({ id: tagNamed('sleep').id, name: 'rest' })
    const page = vault.core.timeline.page({ limit: 10, cursor: null, filter: { kinds: null, tag: 'rest', therapistId: null, from: null, to: null } })
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ kind: 'reflection', tags: ['rest'] })
  })
})

describe('tags.merge', () => {
  it('moves reflections onto the target once and removes the sources', async () => {
    const both = reflect(['sleep', 'tired'])
    const onlySource = reflect(['tired', 'work'])
    const otherSource = reflect(['exhausted'])
    const onlyTarget = reflect(['sleep'])
    const result = await call('tags.merge', { sourceIds: [tagNamed('tired').id, tagNamed('exhausted').id], targetId: tagNamed('sleep').id })
    expect(result).toEqual({ ok: true, value: { id: tagNamed('sleep').id, name: 'sleep', count: 4 } })
    expect(vault.core.reflections.get({ id: both.id }).tags).toEqual(['sleep'])
    expect(vault.core.reflections.get({ id: onlySource.id }).tags).toEqual(['sleep', 'work'])
    expect(vault.core.reflections.get({ id: otherSource.id }).tags).toEqual(['sleep'])
    expect(vault.core.reflections.get({ id: onlyTarget.id }).tags).toEqual(['sleep'])
    expect(vault.core.reflections.listTags().map((t) => [t.name, t.count])).toEqual([
      ['sleep', 4],
      ['work', 1],
    ])
  })

  it('refuses merging a tag into itself, unknown tags, and leaves everything as it was', async () => {
    const r = reflect(['sleep', 'tired'])
    const sleep = tagNamed('sleep').id
    expect(await call('tags.merge', { sourceIds: [sleep], targetId: sleep })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'sourceIds' } })
    const unknown = '01890000-0000-7000-8000-000000000000'
    expect(await call('tags.merge', { sourceIds: [tagNamed('tired').id, unknown], targetId: sleep })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'sourceIds' } })
    expect(await call('tags.merge', { sourceIds: [tagNamed('tired').id], targetId: unknown })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'targetId' } })
    expect(vault.core.reflections.get({ id: r.id }).tags).toEqual(['sleep', 'tired'])
  })

  it('lets a merged-away name be used again as a new tag', async () => {
    reflect(['tired'])
    reflect(['sleep'])
    vault.core.tags.merge({ sourceIds: [tagNamed('tired').id], targetId: tagNamed('sleep').id })
    const again = reflect(['tired'])
    expect(again.tags).toEqual(['tired'])
    expect(tagNamed('tired').count).toBe(1)
  })

  it('answers VAULT_LOCKED when locked', async () => {
    reflect(['a', 'b'])
    const [a, b] = [tagNamed('a').id, tagNamed('b').id]
    vault.core.lock('manual')
    expect(await call('tags.merge', { sourceIds: [a], targetId: b })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    expect(await call('tags.rename', { id: a, name: 'c' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
  })
})
