import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash as hash, reflectionBodies as bodies, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'

const HOUR = 3_600_000
/** Gone after 3 hours online, a snapshot as soon as one file is compactable. */
const POLICY: CompactionPolicy = { goneAfterMs: 3 * HOUR, compactEveryFiles: 1 }

const { computer, later } = syncedComputers()

const pass = (v: TestVault) => v.core.sync.syncNow({ policy: POLICY })

const settle = (computers: readonly TestVault[]) => settleAll(computers, (v) => pass(v))

/** Turned off and on again with the same folder: what Settings tells a removed or long-gone computer to do. */
async function joinAgain(v: TestVault, folder: string): Promise<void> {
  v.core.sync.disable()
  await v.core.sync.enable({ folder, deviceName: 'Laptop again', passphrase: TEST_PASSPHRASE })
}

const write = (v: TestVault, body: string) => v.core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false })
const idOf = (v: TestVault): string => {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.deviceId
}

/** The device list as Settings shows it on a computer: names, removed ones marked. */
function deviceList(v: TestVault): string[] {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.devices.map((d) => `${d.name}${d.removed ? ' (removed)' : ''}`).sort()
}

function newFolder(): string {
  const folder = makeTempDir('between-sync-')
  later(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

describe('a computer that joins the folder again', () => {
  it('removed, then joined again with the same vault: every text once on every computer, the same state', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const entry = write(laptop, 'written on the laptop')
    const other = write(desk, 'written on the desk')
    const doomed = write(desk, 'to be deleted on the laptop')
    await settle([laptop, desk])
    desk.core.reflections.update({ id: entry.id, patch: { mood: 4 } })
    await settle([laptop, desk])

    await desk.core.sync.removeDevice({ deviceId: idOf(laptop), passphrase: TEST_PASSPHRASE })
    // Used while removed: a new entry, a deletion, a changed value (later than the desk's).
    laptop.clock.advance(HOUR)
    write(laptop, 'written while removed')
    laptop.core.reflections.delete({ id: doomed.id })
    laptop.core.reflections.update({ id: other.id, patch: { mood: 1 } })
    await expect(pass(laptop)).rejects.toMatchObject({ code: 'SYNC_DEVICE_REMOVED' })
    await joinAgain(laptop, folder)
    await settle([laptop, desk])

    for (const v of [laptop, desk]) {
      expect(bodies(v)).toEqual(['written on the desk', 'written on the laptop', 'written while removed'])
      expect(v.core.reflections.get({ id: entry.id }).mood).toBe(4)
      expect(v.core.reflections.get({ id: other.id }).mood).toBe(1)
    }
    expect(hash(laptop)).toBe(hash(desk))
  })

  it('gone so long it was told to rejoin, then joined again: every text once, the same state', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const home = await computer(folder, 'Home')
    write(laptop, 'written on the laptop')
    write(home, 'written at home')
    await settle([laptop, desk, home])
    write(laptop, 'written while away')
    for (let hour = 0; hour < 6; hour++) {
      desk.clock.advance(HOUR)
      home.clock.advance(HOUR)
      write(desk, `desk hour ${hour}`)
      write(home, `home hour ${hour}`)
      await settle([desk, home])
    }
    expect((await pass(laptop)).rejoinNeeded).toBe(true)
    expect(deviceList(desk)).toEqual(['Desk', 'Home', 'Laptop'])

    await joinAgain(laptop, folder)
    await settle([laptop, desk, home])
    // Its old entry is replaced, not a second computer: shown as removed everywhere.
    for (const v of [laptop, desk, home]) expect(deviceList(v)).toEqual(['Desk', 'Home', 'Laptop (removed)', 'Laptop again'])

    const everything = [...[0, 1, 2, 3, 4, 5].flatMap((h) => [`desk hour ${h}`, `home hour ${h}`]), 'written at home', 'written on the laptop', 'written while away'].sort()
    for (const v of [laptop, desk, home]) expect(bodies(v)).toEqual(everything)
    expect(new Set([laptop, desk, home].map(hash)).size).toBe(1)
  })

  it('not used while removed, the others edited on: their edits stand, nothing of the old one comes back', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const entry = write(laptop, 'written on the laptop.')
    const gone = write(laptop, 'deleted at home')
    await settle([laptop, desk])

    await desk.core.sync.removeDevice({ deviceId: idOf(laptop), passphrase: TEST_PASSPHRASE })
    desk.clock.advance(HOUR)
    desk.core.reflections.update({ id: entry.id, patch: { body: 'Rewritten at home.', mood: 2 } })
    desk.core.reflections.delete({ id: gone.id })
    await settle([desk])
    laptop.clock.advance(2 * HOUR)
    await joinAgain(laptop, folder)
    await settle([laptop, desk])

    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id: entry.id })).toMatchObject({ body: 'Rewritten at home.', mood: 2 })
      expect(bodies(v)).toEqual(['Rewritten at home.'])
    }
    expect(hash(laptop)).toBe(hash(desk))
  })

  it('edited a text while removed, and so did the other: the words of both computers kept, once', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const entry = write(laptop, 'written on the laptop.')
    await settle([laptop, desk])

    await desk.core.sync.removeDevice({ deviceId: idOf(laptop), passphrase: TEST_PASSPHRASE })
    desk.core.reflections.update({ id: entry.id, patch: { body: 'At home: written on the laptop.' } })
    await settle([desk])
    laptop.clock.advance(HOUR)
    laptop.core.reflections.update({ id: entry.id, patch: { body: 'written on the laptop. Then offline.' } })
    await joinAgain(laptop, folder)
    await settle([laptop, desk])

    for (const v of [laptop, desk]) expect(v.core.reflections.get({ id: entry.id }).body).toBe('At home: written on the laptop. Then offline.')
    expect(hash(laptop)).toBe(hash(desk))
  })

  it('a row still waiting for its parent when sync was turned off is not taken for deleted at the next join', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const home = await computer(folder, 'Home')
    const earlier = write(laptop, 'Written before.')
    await settle([laptop, desk, home])
    const session = home.core.sessions.create({
      therapistId: null, startsAt: Date.UTC(2026, 1, 3, 17), timeZone: 'UTC', durationMinutes: 50, format: 'video', status: 'attended',
      notes: 'Notes from home.', moodBefore: 2, moodAfter: 3, takeaways: '', homework: [],
    })
    await pass(home)
    await pass(laptop)
    const child = laptop.core.reflections.create({ body: 'About that session.', mood: 3, tags: [], sessionId: session.id, bringToSession: false })
    laptop.core.reflections.update({ id: earlier.id, patch: { body: 'Written before. Added on the laptop.', sessionId: session.id } })
    await pass(laptop)

    // The home computer's files have not reached the desk yet: both reflections wait for the session
    // (the new one never reached its table; the earlier one still holds its text from before).
    const homeFiles = join(folder, 'devices', idOf(home))
    const aside = `${folder}-held`
    renameSync(homeFiles, aside)
    await pass(desk)
    expect(() => desk.core.reflections.get({ id: child.id })).toThrow()
    expect(desk.core.reflections.get({ id: earlier.id }).body).toBe('Written before.')
    desk.core.sync.disable()
    renameSync(aside, homeFiles)
    await desk.core.sync.enable({ folder, deviceName: 'Desk again', passphrase: TEST_PASSPHRASE })
    await settle([laptop, desk, home])

    for (const v of [laptop, desk, home]) {
      expect(v.core.reflections.get({ id: child.id })).toMatchObject({ body: 'About that session.', sessionId: session.id })
      expect(v.core.reflections.get({ id: earlier.id })).toMatchObject({ body: 'Written before. Added on the laptop.', sessionId: session.id })
    }
    expect(hash(desk)).toBe(hash(laptop))
  })

  it('turned off and on again: the files it wrote before are applied everywhere, and its old entry is replaced', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    write(laptop, 'first')
    await settle([laptop, desk])
    write(laptop, 'sent just before sync was turned off')
    await pass(laptop)
    const oldId = idOf(laptop)
    await joinAgain(laptop, folder)
    await settle([laptop, desk])

    for (const v of [laptop, desk]) {
      expect(bodies(v)).toEqual(['first', 'sent just before sync was turned off'])
      expect(deviceList(v)).toEqual(['Desk', 'Laptop (removed)', 'Laptop again'])
      const status = v.core.sync.status()
      expect(status.enabled && status.devices.find((d) => d.id === oldId)?.removed).toBe(true)
    }
    expect(hash(laptop)).toBe(hash(desk))
  })
})
