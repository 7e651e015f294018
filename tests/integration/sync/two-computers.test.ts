import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

const hits = (computer: TwoComputers['laptop'], query: string) =>
  computer.core.search.query({ query, limit: 20, cursor: null }).hits.map((h) => h.id).sort()

describe('sync between two computers through one folder', () => {
  it('the second computer receives everything; search, timeline and the contact log follow', async () => {
    two = await twoComputers()
    const written = writeOneOfEverything(two.laptop.core, 'heron')
    await enableBoth(two)
    await two.settle()
    const { desk, laptop } = two
    expect(desk.core.reflections.get({ id: written.reflection.id })).toEqual(laptop.core.reflections.get({ id: written.reflection.id }))
    expect(desk.core.sessions.get({ id: written.session.id })).toEqual(laptop.core.sessions.get({ id: written.session.id }))
    expect(desk.core.contacts.list({ since: null, limit: 50 })).toEqual(laptop.core.contacts.list({ since: null, limit: 50 }))
    expect(desk.core.crisisPlan.get()).toEqual(laptop.core.crisisPlan.get())
    const page = (c: TwoComputers['laptop']) =>
      c.core.timeline.page({ limit: 100, cursor: null, filter: { kinds: null, tag: null, therapistId: null, from: null, to: null } })
    expect(page(desk)).toEqual(page(laptop))
    expect(page(desk).items.length).toBeGreaterThan(3)
    expect(hits(desk, 'heron')).toEqual(hits(laptop, 'heron'))
    expect(hits(desk, 'heron').length).toBeGreaterThan(3)
    const status = desk.core.sync.status()
    expect(status.enabled && status.devices.map((d) => d.name).sort()).toEqual(['Desk', 'Laptop'])
  })

  it('two offline edits of one entry keep both sets of words; a losing mood is kept as history', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    const reflection = laptop.core.reflections.create({ body: 'Slept badly.', mood: 2, tags: [], sessionId: null, bringToSession: false })
    await enableBoth(two)
    await two.settle()
    laptop.core.reflections.update({ id: reflection.id, patch: { body: 'Slept badly. Walked by the canal.', mood: 3 } })
    desk.clock.advance(60_000)
    desk.core.reflections.update({ id: reflection.id, patch: { body: 'Tuesday. Slept badly.', mood: 4 } })
    await two.settle()
    const onLaptop = laptop.core.reflections.get({ id: reflection.id })
    expect(onLaptop.body).toBe('Tuesday. Slept badly. Walked by the canal.')
    expect(desk.core.reflections.get({ id: reflection.id })).toEqual(onLaptop)
    expect(onLaptop.mood).toBe(4)
    const history = laptop.core.sync.history({ table: 'reflections', id: reflection.id })
    expect(history).toContainEqual(expect.objectContaining({ field: 'mood', value: 3 }))
    expect(desk.core.sync.history({ table: 'reflections', id: reflection.id })).toEqual(history)
    expect(hits(desk, 'canal')).toEqual([reflection.id])
  })

  it('a deletion follows, applying twice changes nothing, and both hold the same state', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    const gone = laptop.core.reflections.create({ body: 'to be deleted kestrel', mood: null, tags: ['a'], sessionId: null, bringToSession: false })
    await enableBoth(two)
    await two.settle()
    expect(hits(desk, 'kestrel')).toEqual([gone.id])
    desk.core.reflections.delete({ id: gone.id })
    await two.settle()
    expect(() => laptop.core.reflections.get({ id: gone.id })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(hits(laptop, 'kestrel')).toEqual([])
    const again = await laptop.core.sync.syncNow({})
    expect(again.appliedFiles + again.sent).toBe(0)
  })

  it('joining with the wrong passphrase changes nothing', async () => {
    two = await twoComputers()
    await two.laptop.core.sync.enable({ folder: two.folder, deviceName: 'Laptop', passphrase: 'correct horse battery staple' })
    const before = readdirSync(two.folder).map((name) => [name, name.endsWith('.json') ? readFileSync(join(two!.folder, name), 'utf8') : ''])
    await expect(two.desk.core.sync.enable({ folder: two.folder, deviceName: 'Desk', passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect(two.desk.core.sync.status()).toEqual({ enabled: false })
    expect(readdirSync(two.folder).map((name) => [name, name.endsWith('.json') ? readFileSync(join(two!.folder, name), 'utf8') : ''])).toEqual(before)
  })
})

describe('a sync pass as background work', () => {
  it('reports progress, stops cleanly when aborted between chunks, and finishes on the next pass', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    for (let i = 0; i < 150; i++) laptop.core.reflections.create({ body: `entry ${i}`, mood: 3, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.syncNow({})
    const controller = new AbortController()
    const seen: Array<{ done: number; total: number }> = []
    const first = await desk.core.sync.syncNow({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase !== 'applying') return
        seen.push({ done: p.done, total: p.total })
        controller.abort()
      },
    })
    expect(first.aborted).toBe(true)
    expect(seen).toHaveLength(2)
    expect(seen[0]!.done).toBeGreaterThan(0)
    expect(seen[0]!.done).toBeLessThan(seen[0]!.total)
    // The pass's last progress says it is over: what it applied, of that much.
    expect(seen[1]).toEqual({ done: seen[0]!.done, total: seen[0]!.done })
    const partly = desk.core.reflections.list({ limit: 500, before: null, tag: null }).length
    expect(partly).toBeLessThan(150)
    await two.settle()
    expect(desk.core.reflections.list({ limit: 500, before: null, tag: null })).toEqual(laptop.core.reflections.list({ limit: 500, before: null, tag: null }))
  })
  it('a stop after files are applied but before their rows are written leaves the rows queued, and the next pass writes them', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    for (let i = 0; i < 20; i++) laptop.core.reflections.create({ body: `entry ${i}`, mood: 3, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.syncNow({})
    // The pass looks at its signal before applying a chunk, then before writing its rows: stop at the second look.
    let looks = 0
    const stopBeforeWriting = { get aborted() { return ++looks > 1 } } as AbortSignal
    const stopped = await desk.core.sync.syncNow({ signal: stopBeforeWriting })
    expect(stopped.aborted).toBe(true)
    expect(stopped.appliedOps).toBeGreaterThan(0)
    expect(desk.core.reflections.list({ limit: 500, before: null, tag: null })).toHaveLength(0)
    await two.settle()
    expect(desk.core.reflections.list({ limit: 500, before: null, tag: null })).toEqual(laptop.core.reflections.list({ limit: 500, before: null, tag: null }))
  })
})
