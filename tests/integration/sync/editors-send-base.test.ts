/**
 * Every editor that saves a record through an update sends what it was edited from, through the
 * renderer's one helper (src/renderer/src/lib/edit-base.ts `updateSince`), so a save made in a
 * form left open while a sync pass wrote the same record keeps the other computer's values: a
 * field the person left alone keeps the other's value, a long text merges, and a short field
 * changed on both keeps the replaced value as history. Per record kind: open on the desk, edit on
 * the laptop, sync, save on the desk exactly as the editor does, sync, both values on both.
 */
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { baseOf, updateSince } from '../../../src/renderer/src/lib/edit-base'
import { defaultRuleBody } from '../../../src/shared/domain/rules/rule-kinds'
import type { Channel, ChannelInput } from '../../../src/shared/ipc/contract'
import type { CrisisPlan } from '../../../src/shared/ipc/schemas/crisis-plan'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { makeTempDir, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'

const computers = syncedComputers()
const pass = (v: TestVault) => v.core.sync.syncNow({})

async function laptopAndDesk(): Promise<{ laptop: TestVault; desk: TestVault; both: TestVault[]; settle(): Promise<void> }> {
  const folder = makeTempDir('between-sync-editors-')
  computers.later(() => rmSync(folder, { recursive: true, force: true }))
  const laptop = await computers.computer(folder, 'Laptop')
  const desk = await computers.computer(folder, 'Desk')
  return { laptop, desk, both: [laptop, desk], settle: () => settleAll([laptop, desk], pass) }
}

/** A save through the contract, as the window sends it. */
async function save<C extends Channel>(v: TestVault, channel: C, input: ChannelInput<C>): Promise<void> {
  expect(await dispatch(v.handlers, channel, input)).toMatchObject({ ok: true })
}

/** The plan's sections, as the crisis plan screen holds them. */
const planOf = (plan: CrisisPlan): Omit<CrisisPlan, 'updatedAt'> => {
  const sections: Partial<CrisisPlan> = { ...plan }
  delete sections.updatedAt
  return sections as Omit<CrisisPlan, 'updatedAt'>
}

const history = (v: TestVault, table: 'absences' | 'therapists' | 'talking_points' | 'rules' | 'diary_card_days', id: string) =>
  v.core.sync.history({ table, id }).map((h) => `${h.field}=${JSON.stringify(h.value)}`)

describe('editors left open while a pass writes the same record', () => {
  it('a template: the words added on each computer are both in it', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const { id } = laptop.core.templates.create({ title: 'Evening', body: 'What went well today?' })
    await settle()

    const opened = desk.core.templates.get({ id })
    laptop.core.templates.update({ id, patch: { body: 'What went well today? What was hard?' } })
    await settle()
    await save(desk, 'templates.update', updateSince(id, { title: opened.title, body: 'Before bed. What went well today?' }, opened))

    await settle()
    for (const v of both) expect(v.core.templates.get({ id })).toMatchObject({ title: 'Evening', body: 'Before bed. What went well today? What was hard?' })
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('an agreement: the words added on each computer are both in it, the review date set on the laptop stays, a severity changed on both keeps the laptop’s as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const therapist = laptop.core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: '', timeZone: 'UTC', channels: [] })
    const created = laptop.core.rules.create({ therapistId: therapist.id, severity: 'info', agreementText: 'Texts are for scheduling.', agreedOn: null, reviewBy: null, active: true, body: defaultRuleBody('contact_hours') })
    const id = created.id
    await settle()

    const opened = desk.core.rules.get({ id })
    laptop.core.rules.update({ id, patch: { agreementText: 'Texts are for scheduling. Anything else waits for the session.', reviewBy: Date.UTC(2026, 8, 1), severity: 'block' } })
    await settle()
    // The rule form sends every field it shows, with the rule as it opened it as the base.
    const common = { severity: 'warn' as const, agreementText: 'Texts and emails are for scheduling.', agreedOn: opened.agreedOn, reviewBy: opened.reviewBy }
    await save(desk, 'rules.update', { id, patch: common, body: opened.body, base: { ...baseOf(common, opened), body: opened.body } })

    await settle()
    for (const v of both) {
      expect(v.core.rules.get({ id })).toMatchObject({ agreementText: 'Texts and emails are for scheduling. Anything else waits for the session.', reviewBy: Date.UTC(2026, 8, 1), severity: 'warn', body: created.body })
      expect(history(v, 'rules', id)).toEqual(['severity="block"'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a diary card day: the note merges, the urges rated on the laptop stay, emotions rated on both keep the laptop’s as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const day = '2026-03-02'
    const first = laptop.core.diaryCard.saveDay({ day, timeZone: 'Europe/London', emotions: { Sadness: 3 }, urges: {}, behaviours: {}, skills: [], note: 'Walked by the river.' })
    await settle()

    const opened = desk.core.diaryCard.week({ weekStart: day }).days[0]
    expect(opened?.note).toBe('Walked by the river.')
    laptop.core.diaryCard.saveDay({ day, timeZone: 'Europe/London', emotions: { Sadness: 5 }, urges: { Substances: 2 }, behaviours: {}, skills: [], note: 'Walked by the river. Rain later.' })
    await settle()
    // The card sends the day's values and, as the base, the day as it showed it.
    const values = { emotions: { Sadness: 1 }, urges: {}, behaviours: {}, skills: ['TIPP'], note: 'Slept well. Walked by the river.' }
    await save(desk, 'diaryCard.saveDay', { day, timeZone: 'Europe/London', ...values, base: baseOf(values, opened as object) })

    await settle()
    for (const v of both) {
      expect(v.core.diaryCard.week({ weekStart: day }).days[0]).toMatchObject({ emotions: { Sadness: 1 }, urges: { Substances: 2 }, skills: ['TIPP'], note: 'Slept well. Walked by the river. Rain later.' })
      expect(history(v, 'diary_card_days', first.id)).toEqual(['emotions="{\\"Sadness\\":5}"'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a diary card day the card showed empty, written on the laptop meanwhile: both notes are in it, the laptop’s ratings are kept as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const day = '2026-03-03'
    await settle()
    const empty = { emotions: {}, urges: {}, behaviours: {}, skills: [], note: '' }
    const first = laptop.core.diaryCard.saveDay({ day, timeZone: 'Europe/London', emotions: { Sadness: 2 }, urges: {}, behaviours: {}, skills: [], note: 'Called my sister.' })
    await settle()
    const values = { emotions: { Anger: 1 }, urges: {}, behaviours: {}, skills: [], note: 'Slept badly.' }
    await save(desk, 'diaryCard.saveDay', { day, timeZone: 'Europe/London', ...values, base: baseOf(values, empty) })

    await settle()
    for (const v of both) {
      const saved = v.core.diaryCard.week({ weekStart: '2026-03-02' }).days[0]
      expect(saved?.emotions).toEqual({ Anger: 1 })
      expect(saved?.note).toContain('Slept badly.')
      expect(saved?.note).toContain('Called my sister.')
      expect(history(v, 'diary_card_days', first.id)).toEqual(['emotions="{\\"Sadness\\":2}"'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('the crisis plan: a helper added on the laptop stays beside a coping step added on the desk; warning signs changed on both keep the laptop’s plan as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const first = planOf(laptop.core.crisisPlan.save({ warningSigns: ['Not sleeping'], copingStrategies: ['Breathe slowly'], distractions: [], helpers: [], professionals: [], crisisLines: [], emergencyNumber: '999', safeEnvironment: [], reasonsToLive: [] }))
    await settle()

    const opened = planOf(desk.core.crisisPlan.get())
    expect(opened).toEqual(first)
    laptop.core.crisisPlan.save({ ...first, helpers: [{ name: 'Sam', phone: '07700 900123' }], warningSigns: ['Not sleeping', 'Skipping meals'] })
    await settle()
    // The screen sends the whole plan and, as the base, the plan as it showed it.
    await save(desk, 'crisisPlan.save', { ...opened, copingStrategies: ['Breathe slowly', 'Walk the dog'], warningSigns: ['Not sleeping', 'Staying in bed'], base: opened })

    await settle()
    for (const v of both) {
      expect(v.core.crisisPlan.get()).toMatchObject({ helpers: [{ name: 'Sam', phone: '07700 900123' }], copingStrategies: ['Breathe slowly', 'Walk the dog'], warningSigns: ['Not sleeping', 'Staying in bed'] })
      const kept = vaultSyncStore(v.core.vault.db(), 0).history('crisis_plan', '[1]').map((h) => JSON.parse(String(h.value)) as { warningSigns: string[] })
      expect(kept.map((plan) => plan.warningSigns)).toEqual([['Not sleeping', 'Skipping meals']])
      // What the crisis plan screen asks for: the kept plan, and not the row's key or its save time.
      expect(v.core.sync.history({ table: 'crisis_plan' }).map((h) => h.field)).toEqual(['plan'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a crisis plan the screen showed empty, written on the laptop meanwhile: the laptop’s sections stay beside the desk’s', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const empty = planOf(desk.core.crisisPlan.get())
    laptop.core.crisisPlan.save({ ...empty, helpers: [{ name: 'Sam', phone: '07700 900123' }], emergencyNumber: '999' })
    await settle()
    await save(desk, 'crisisPlan.save', { ...empty, reasonsToLive: ['My nephew'], base: empty })

    await settle()
    for (const v of both) expect(v.core.crisisPlan.get()).toMatchObject({ helpers: [{ name: 'Sam', phone: '07700 900123' }], emergencyNumber: '999', reasonsToLive: ['My nephew'] })
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('an absence: the covering clinician set on the laptop stays beside the note saved on the desk', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const therapist = laptop.core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: '', timeZone: 'UTC', channels: [] })
    const { id } = laptop.core.absences.create({ therapistId: therapist.id, startsAt: Date.UTC(2026, 6, 1), endsAt: Date.UTC(2026, 6, 14), coveringName: '', coveringContact: '', note: '' })
    await settle()

    const opened = desk.core.absences.get({ id })
    laptop.core.absences.update({ id, patch: { coveringName: 'Dr Lee', coveringContact: '0161 555 0100' } })
    await settle()
    const { startsAt, endsAt, coveringName, coveringContact } = opened
    await save(desk, 'absences.update', updateSince(id, { startsAt, endsAt, coveringName, coveringContact, note: 'Back on the 14th' }, opened))

    await settle()
    for (const v of both) expect(v.core.absences.get({ id })).toMatchObject({ coveringName: 'Dr Lee', coveringContact: '0161 555 0100', note: 'Back on the 14th' })
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a therapist: the pronouns added on the laptop stay beside the practice saved on the desk; a name changed on both keeps the laptop’s as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const { id } = laptop.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'UTC', channels: [] })
    await settle()

    const opened = desk.core.therapists.get({ id })
    laptop.core.therapists.update({ id, patch: { pronouns: 'she/her', name: 'Dr Amara Rao' } })
    await settle()
    const { pronouns, timeZone, channels } = opened
    await save(desk, 'therapists.update', updateSince(id, { name: 'Amara Rao', pronouns, practice: 'Northside Practice', timeZone, channels }, opened))

    await settle()
    for (const v of both) {
      expect(v.core.therapists.get({ id })).toMatchObject({ name: 'Amara Rao', pronouns: 'she/her', practice: 'Northside Practice' })
      expect(history(v, 'therapists', id)).toEqual(['name="Dr Amara Rao"'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })

  it('a talking point: its words changed on both, the desk’s stand and the laptop’s are kept as history', async () => {
    const { laptop, desk, both, settle } = await laptopAndDesk()
    const { id } = laptop.core.talkingPoints.create({ text: 'Sleep', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    await settle()

    const opened = desk.core.talkingPoints.get({ id })
    laptop.core.talkingPoints.update({ id, patch: { text: 'Sleep since the new shifts' } })
    await settle()
    await save(desk, 'talkingPoints.update', updateSince(id, { text: 'Sleep, and the dreams' }, opened))

    await settle()
    for (const v of both) {
      expect(v.core.talkingPoints.get({ id }).text).toBe('Sleep, and the dreams')
      expect(history(v, 'talking_points', id)).toEqual(['text="Sleep since the new shifts"'])
    }
    expect(mergedStateHash(laptop)).toBe(mergedStateHash(desk))
  })
})
