/**
 * An editor left open while a sync pass writes the same entry. The window's editor holds what
 * it loaded; a pass then writes the other computer's words (and mood) into the row; the person
 * saves. The save says what it was edited from (`base`, as the editors send it through the
 * contract), so it changes only what the person changed: the other computer's words stay in the
 * text, merged with the person's, and a field the person left alone keeps the other's value.
 */
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { makeTempDir, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'
import type { Reflection } from '../../../src/shared/ipc/schemas/reflections'

const computers = syncedComputers()
const pass = (v: TestVault) => v.core.sync.syncNow({})

/** A shared folder, removed after the test. */
function sharedFolder(): string {
  const folder = makeTempDir('between-sync-editor-')
  computers.later(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

const fieldsOf = (r: Reflection) => ({ body: r.body, mood: r.mood, tags: r.tags, sessionId: r.sessionId, bringToSession: r.bringToSession })

/** Opens the reflection in an "editor": returns what the editor loaded and a save as the editor makes it. */
function openEditor(v: TestVault, id: string) {
  const loaded = fieldsOf(v.core.reflections.get({ id }))
  return {
    loaded,
    save: async (patch: Partial<ReturnType<typeof fieldsOf>>) => {
      const result = await dispatch(v.handlers, 'reflections.update', { id, patch: { ...loaded, ...patch }, base: loaded })
      expect(result).toMatchObject({ ok: true })
    },
  }
}

describe('an editor left open while a pass writes the same entry', () => {
  it('keeps both computers’ words on both computers, and the other computer’s mood the person did not touch', async () => {
    const folder = sharedFolder()
    const laptop = await computers.computer(folder, 'Laptop')
    const desk = await computers.computer(folder, 'Desk')
    const { id } = laptop.core.reflections.create({ body: 'The first words.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await settleAll([laptop, desk], pass)

    // The desk's editor opens the entry; then the laptop writes, and a pass on the desk writes that into the row.
    const editor = openEditor(desk, id)
    expect(editor.loaded.body).toBe('The first words.')
    laptop.core.reflections.update({ id, patch: { body: 'The first words. Written on the laptop.', mood: 5 } })
    await settleAll([laptop, desk], pass)
    expect(desk.core.reflections.get({ id }).body).toBe('The first words. Written on the laptop.')

    // The person, still in the editor opened before the pass, adds words at the start and saves.
    await editor.save({ body: 'At the desk: The first words.' })
    const merged = 'At the desk: The first words. Written on the laptop.'
    expect(desk.core.reflections.get({ id })).toMatchObject({ body: merged, mood: 5 })

    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) expect(v.core.reflections.get({ id })).toMatchObject({ body: merged, mood: 5 })
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('merges a second save from the same open editor again (its base is what it saved last)', async () => {
    const folder = sharedFolder()
    const laptop = await computers.computer(folder, 'Laptop')
    const desk = await computers.computer(folder, 'Desk')
    const { id } = laptop.core.reflections.create({ body: 'Monday.', mood: null, tags: [], sessionId: null, bringToSession: false })
    await settleAll([laptop, desk], pass)

    const loaded = fieldsOf(desk.core.reflections.get({ id }))
    laptop.core.reflections.update({ id, patch: { body: 'Monday. Laptop line.' } })
    await settleAll([laptop, desk], pass)
    const first = { ...loaded, body: 'Desk line. Monday.' }
    expect(await dispatch(desk.handlers, 'reflections.update', { id, patch: first, base: loaded })).toMatchObject({ ok: true })
    const second = { ...first, body: 'Desk line. Monday. Desk end.' }
    expect(await dispatch(desk.handlers, 'reflections.update', { id, patch: second, base: first })).toMatchObject({ ok: true })

    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) expect(v.core.reflections.get({ id }).body).toBe('Desk line. Monday. Laptop line. Desk end.')
  })

  it('a mood changed both in the open editor and on the other computer: the save wins, the other mood is kept as history on both', async () => {
    const folder = sharedFolder()
    const laptop = await computers.computer(folder, 'Laptop')
    const desk = await computers.computer(folder, 'Desk')
    const { id } = laptop.core.reflections.create({ body: 'Tired.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await settleAll([laptop, desk], pass)

    const editor = openEditor(desk, id)
    laptop.core.reflections.update({ id, patch: { mood: 5 } })
    await settleAll([laptop, desk], pass)
    await editor.save({ mood: 1 })

    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id }).mood).toBe(1)
      expect(v.core.sync.history({ table: 'reflections', id }).map((h) => `${h.field}=${JSON.stringify(h.value)}`)).toEqual(['mood=5'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a mood the open editor showed empty, set on the other computer meanwhile: the save wins, the other mood is kept as history on both', async () => {
    const folder = sharedFolder()
    const laptop = await computers.computer(folder, 'Laptop')
    const desk = await computers.computer(folder, 'Desk')
    const { id } = laptop.core.reflections.create({ body: 'No mood yet.', mood: null, tags: [], sessionId: null, bringToSession: false })
    await settleAll([laptop, desk], pass)

    const editor = openEditor(desk, id)
    expect(editor.loaded.mood).toBeNull()
    laptop.core.reflections.update({ id, patch: { mood: 4 } })
    await settleAll([laptop, desk], pass)
    expect(desk.core.reflections.get({ id }).mood).toBe(4)
    await editor.save({ mood: 2 })

    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id }).mood).toBe(2)
      expect(v.core.sync.history({ table: 'reflections', id }).map((h) => `${h.field}=${JSON.stringify(h.value)}`)).toEqual(['mood=4'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a link cleared because its session was deleted on the other computer is not something the person saw: linking another session keeps no history', async () => {
    const folder = sharedFolder()
    const laptop = await computers.computer(folder, 'Laptop')
    const desk = await computers.computer(folder, 'Desk')
    const session = (startsAt: number) =>
      laptop.core.sessions.create({ therapistId: null, startsAt, timeZone: 'UTC', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    const first = session(Date.UTC(2026, 1, 3, 17))
    const { id } = laptop.core.reflections.create({ body: 'After the session.', mood: null, tags: [], sessionId: null, bringToSession: false })
    await settleAll([laptop, desk], pass)

    // Offline from each other: the laptop deletes the session while the desk links the reflection to it.
    laptop.core.sessions.delete({ id: first.id })
    desk.core.reflections.update({ id, patch: { sessionId: first.id } })
    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) expect(v.core.reflections.get({ id }).sessionId).toBeNull()

    // The laptop's editor shows no session (the link was cleared) and links another one.
    const second = session(Date.UTC(2026, 1, 10, 17))
    await openEditor(laptop, id).save({ sessionId: second.id })
    await settleAll([laptop, desk], pass)
    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id }).sessionId).toBe(second.id)
      expect(v.core.sync.history({ table: 'reflections', id })).toEqual([])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })
})
