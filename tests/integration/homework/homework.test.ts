import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { matchesAtSchema } from '../../helpers/search-at-schema'
import { createRecordServices } from '../../../src/main/core'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { silentEvents, systemClock } from '../../../src/main/core/ports'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs, type FakeDialogs } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

let vaults: TestVault[] = []
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-homework-')
})
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
  rmSync(dir, { recursive: true, force: true })
})

async function newVault(answers: Partial<FakeDialogs['answers']> = {}) {
  const vault = await createTestVault({ dialogs: fakeDialogs(answers) })
  vaults.push(vault)
  return vault
}

const HOUR = 3_600_000
const record = (at: number, words: string) => ({
  happenedAt: at,
  situation: `At work: ${words}`,
  emotions: [{ name: 'Anxious', before: 80, after: 40 }],
  thoughts: [
    { text: 'They think I am useless', belief: 90, hot: true, traps: ['mind_reading' as const] },
    { text: 'I will be let go', belief: 60, hot: false, traps: ['fortune_telling' as const] },
  ],
  evidenceFor: 'My manager frowned',
  evidenceAgainst: 'She thanked me yesterday',
  balancedThought: 'One frown is not a verdict',
  balancedBelief: 70,
  bringToSession: true,
})

describe('migration 0050: homework', () => {
  it('adds the homework tables to a 0030 database with data and indexes their text', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, migrations.filter((m) => m.version <= 30))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const kept = services.reflections.create({ body: 'before homework', mood: null, tags: [], sessionId: null, bringToSession: false })
    migrate(db, migrations.filter((m) => m.version <= 50))
    expect(schemaVersion(db)).toBe(50)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    for (const table of ['thought_records', 'diary_card_days', 'diary_card_weeks', 'check_ins', 'reflection_templates', 'homework_settings']) {
      expect(tables).toContain(table)
    }
    const ids = (query: string) => matchesAtSchema(db, query)
    expect(ids('before')).toEqual([`reflection:${kept.id}`])

    const tr = services.thoughtRecords.create(record(Date.UTC(2026, 2, 2), 'kingfisher'))
    expect(ids('kingfisher')).toEqual([`thought_record:${tr.id}`])
    expect(ids('useless')).toEqual([`thought_record:${tr.id}`])
    expect(ids('verdict')).toEqual([`thought_record:${tr.id}`])
    expect(ids('thanked')).toEqual([`thought_record:${tr.id}`])
    services.thoughtRecords.update({ id: tr.id, patch: { thoughts: [{ text: 'Nobody noticed', belief: 20, hot: false, traps: [] }] } })
    expect(ids('useless')).toEqual([])
    expect(ids('nobody')).toEqual([`thought_record:${tr.id}`])

    const day = services.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'Europe/London', emotions: { Sadness: 3 }, urges: {}, behaviours: {}, skills: ['TIPP'], note: 'walked by the heron' })
    const checkIn = services.checkIns.create({ questionnaire: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], takenAt: Date.UTC(2026, 2, 2), note: 'tired heron' })
    expect(ids('heron').sort()).toEqual([`check_in:${checkIn.id}`, `diary_day:${day.id}`].sort())
    services.thoughtRecords.delete({ id: tr.id })
    services.checkIns.delete({ id: checkIn.id })
    expect(ids('nobody')).toEqual([])
    expect(ids('heron')).toEqual([`diary_day:${day.id}`])
    expect(db.prepare("SELECT count(*) FROM search_docs WHERE kind IN ('thought_record', 'check_in')").pluck().get()).toBe(0)
  })
})

describe('thought records', () => {
  it('keeps every column; bad input names the field and writes nothing', async () => {
    const vault = await newVault()
    const created = await dispatch(vault.handlers, 'thoughtRecords.create', record(Date.UTC(2026, 2, 2, 9), 'a meeting'))
    expect(created).toMatchObject({ ok: true, value: { thoughts: [{ hot: true, traps: ['mind_reading'] }, { hot: false }], balancedBelief: 70 } })

    const before = digestDatabase(vault.core.vault.db())
    const twoHot = record(0, 'x')
    twoHot.thoughts[1]!.hot = true
    for (const [input, field] of [
      [twoHot, 'thoughts'],
      [{ ...record(0, 'x'), emotions: [{ name: 'Sad', before: 101 }] }, 'emotions.0.before'],
      [{ ...record(0, 'x'), thoughts: [{ text: 'x', belief: 50, traps: ['not_a_trap'] }] }, 'thoughts.0.traps.0'],
    ] as const) {
      const result = await dispatch(vault.handlers, 'thoughtRecords.create', input)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
    }
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })
})

describe('the diary card', () => {
  it('one row a day, read by the week; the week can be marked for the session', async () => {
    const vault = await newVault()
    const core = vault.core
    const first = core.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'Europe/London', emotions: { Sadness: 2 }, urges: { 'Self-harm': 1 }, behaviours: { 'Self-harm': false }, skills: ['Wise mind'], note: '' })
    const again = core.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'Europe/London', emotions: { Sadness: 4 }, urges: {}, behaviours: {}, skills: [], note: 'better evening' })
    expect(again.id).toBe(first.id)
    expect(again.at).toBe(Date.UTC(2026, 2, 2))
    core.diaryCard.saveDay({ day: '2026-03-09', timeZone: 'Europe/London', emotions: {}, urges: {}, behaviours: {}, skills: [], note: 'next week' })
    const week = core.diaryCard.week({ weekStart: '2026-03-02' })
    expect(week.days.map((d) => d.note)).toEqual(['better evening'])
    expect(week.setup.emotions).toContain('Sadness')
    expect(week.bringToSession).toBe(false)
    core.diaryCard.markWeek({ weekStart: '2026-03-02', bringToSession: true })
    expect(core.diaryCard.week({ weekStart: '2026-03-02' }).bringToSession).toBe(true)

    const before = digestDatabase(core.vault.db())
    for (const [input, field] of [
      [{ day: '2026-02-30', timeZone: 'UTC' }, 'day'],
      [{ day: '2026-03-03', timeZone: 'UTC', urges: { 'Self-harm': 6 } }, 'urges.Self-harm'],
      [{ day: '2026-03-03', timeZone: 'Mars/Olympus' }, 'timeZone'],
    ] as const) {
      expect(await dispatch(vault.handlers, 'diaryCard.saveDay', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
    }
    expect(digestDatabase(core.vault.db())).toBe(before)
  })
})

describe('check-ins', () => {
  it('scores as published and refuses an answer set of the wrong length without writing', async () => {
    const vault = await newVault()
    const phq = await dispatch(vault.handlers, 'checkIns.create', { questionnaire: 'phq9', answers: [3, 3, 3, 3, 3, 0, 0, 0, 0], takenAt: Date.UTC(2026, 2, 1) })
    expect(phq).toMatchObject({ ok: true, value: { score: 15, band: 'moderately_severe' } })
    const before = digestDatabase(vault.core.vault.db())
    expect(await dispatch(vault.handlers, 'checkIns.create', { questionnaire: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1], takenAt: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'answers' },
    })
    expect(await dispatch(vault.handlers, 'checkIns.create', { questionnaire: 'gad7', answers: [1, 1, 1, 1, 1, 1, 4], takenAt: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'answers.6' },
    })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })
})

/** The import flow the Settings screen uses: choose the file (a preview), then apply it. */
async function importBetweenJson(vault: { handlers: Parameters<typeof dispatch>[0] }) {
  const chosen = await dispatch(vault.handlers, 'import.choose', { kind: 'betweenJson' })
  const ready = chosen.ok ? (chosen.value as { status: string; preview?: { planId: string } }) : null
  if (!ready?.preview) return chosen
  return dispatch(vault.handlers, 'import.apply', { planId: ready.preview.planId, options: { kind: 'betweenJson' } })
}

describe('everywhere the rest of the data goes', () => {
  it('timeline cards, the brief, and a JSON round trip that gives the identical file', async () => {
    const a = await newVault({ save: join(dir, 'a.json') })
    const core = a.core
    const now = core.clock.now()
    const therapist = core.therapists.create({ name: 'Dr Reed', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    core.sessions.create({ therapistId: therapist.id, startsAt: now - 72 * HOUR, timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    core.sessions.create({ therapistId: therapist.id, startsAt: now + 48 * HOUR, timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'scheduled', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    core.checkIns.create({ questionnaire: 'phq9', answers: [2, 2, 2, 2, 1, 1, 1, 1, 0], takenAt: now - 96 * HOUR, note: '' })
    core.checkIns.create({ questionnaire: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], takenAt: now - 2 * HOUR, note: 'calmer week' })
    const tr = core.thoughtRecords.create(record(now - 24 * HOUR, 'the presentation'))
    core.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'Europe/London', emotions: { Sadness: 3 }, urges: { Substances: 2 }, behaviours: { 'Substance use': true }, skills: ['TIPP', 'My walk'], note: 'rough night' })
    core.diaryCard.markWeek({ weekStart: '2026-03-02', bringToSession: true })
    core.templates.create({ title: 'Before a hard call', body: 'What do I want to say?\n' })
    core.diaryCard.saveSettings({ ...core.diaryCard.settings(), checkIns: { phq9: 'weekly', gad7: 'off' } })

    const page = core.timeline.page({ limit: 50, cursor: null, filter: { kinds: ['thought_record', 'diary_day', 'check_in'], tag: null, therapistId: null, from: null, to: null } })
    expect(page.items.map((item) => item.kind)).toEqual(['check_in', 'thought_record', 'diary_day', 'check_in'])
    expect(page.items[1]).toMatchObject({ kind: 'thought_record', hotThought: 'They think I am useless', bringToSession: true })
    expect(page.items[2]).toMatchObject({ kind: 'diary_day', day: '2026-03-02', highestUrge: 2, behaviours: 1, skills: 2 })
    expect(page.items[0]).toMatchObject({ kind: 'check_in', questionnaire: 'phq9', score: 8, band: 'mild' })
    const forTherapist = core.timeline.page({ limit: 50, cursor: null, filter: { kinds: ['thought_record'], tag: null, therapistId: therapist.id, from: null, to: null } })
    expect(forTherapist.items).toEqual([])

    const brief = await dispatch(a.handlers, 'sessionPrep.briefMarkdown', { timeZone: 'Europe/London', locale: 'en-GB' })
    expect(brief.ok).toBe(true)
    const markdown = brief.ok ? (brief.value as { markdown: string }).markdown : ''
    expect(markdown).toContain('They think I am useless')
    expect(markdown).toContain('Substance use: happened (1)')
    expect(markdown).toContain('PHQ-9: 8 of 27 (mild), down 4 since the last session')
    expect(markdown).toContain('not a diagnosis')
    expect(tr.id).toBeTruthy()

    expect(await dispatch(a.handlers, 'export.json', { confirmUnencrypted: true })).toMatchObject({ ok: true })
    const b = await newVault({ open: join(dir, 'a.json'), save: join(dir, 'b.json') })
    const imported = await importBetweenJson(b)
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', created: { homework: 5 } } })
    expect(await dispatch(b.handlers, 'export.json', { confirmUnencrypted: true })).toMatchObject({ ok: true })
    const aText = readFileSync(join(dir, 'a.json'), 'utf8')
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(aText)
    expect(aText).toContain('Before a hard call')
    expect(b.core.search.query({ query: 'presentation', limit: 10, cursor: null }).hits).toHaveLength(1)
    const before = digestDatabase(b.core.vault.db())
    expect(await importBetweenJson(b)).toMatchObject({ ok: true, value: { created: { homework: 0 } } })
    expect(digestDatabase(b.core.vault.db())).toBe(before)
  })
})

describe('the Markdown folder export', () => {
  it('holds one file per thought record, diary card day and check-in, as the Markdown document shows them', async () => {
    const dialogs = fakeDialogs({ folder: dir })
    const vault = await createTestVault({ dialogs })
    vaults.push(vault)
    const core = vault.core
    const now = core.clock.now()
    const tr = core.thoughtRecords.create(record(now - 24 * HOUR, 'the presentation'))
    const day = core.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'UTC', emotions: { Sadness: 3 }, urges: { Substances: 2 }, behaviours: { 'Substance use': true }, skills: ['TIPP'], note: 'rough night' })
    const checkIn = core.checkIns.create({ questionnaire: 'gad7', answers: [2, 2, 2, 1, 1, 1, 1], takenAt: now - 2 * HOUR, note: 'calmer week' })

    const ranged = { confirmUnencrypted: true, timeZone: 'UTC', locale: 'en-GB', from: null, to: null }
    const result = await dispatch(vault.handlers, 'export.markdownFolder', ranged)
    expect(result).toMatchObject({ ok: true, value: { status: 'written', files: 3 } })
    const folder = join(dir, readdirSync(dir)[0] as string)
    const files = readdirSync(folder).sort()
    const read = (kind: string, id: string) => {
      const name = files.find((file) => file.includes(`-${kind}-${id.replace(/-/g, '').slice(-8)}`))
      expect(name).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}-\\d{4}-${kind}-[0-9a-f]{8}\\.md$`))
      return readFileSync(join(folder, name as string), 'utf8')
    }

    const thought = read('thought-record', tr.id)
    expect(thought.startsWith(`---\ntype: "thought_record"\nid: "${tr.id}"\n`)).toBe(true)
    expect(thought).toContain('## Thought record: ')
    expect(thought).toContain('- Anxious')
    expect(thought).toContain('At work: the presentation')
    expect(thought).toContain('They think I am useless (believed 90%')
    expect(thought).toContain('One frown is not a verdict (believed 70%)')

    const diary = read('diary-day', day.id)
    expect(diary).toContain('type: "diary_day"')
    expect(diary).toContain('date: "2026-03-02T00:00:00+00:00"')
    expect(diary).toContain('Sadness 3/5')
    expect(diary).toContain('Substances 2/5')
    expect(diary).toContain('Substance use: happened')
    expect(diary).toContain('rough night')

    const gad = read('check-in', checkIn.id)
    expect(gad).toContain('type: "check_in"')
    expect(gad).toContain('## Check-in: GAD-7: ')
    expect(gad).toContain('- Score 10 of 21 (')
    expect(gad).toContain('calmer week')

    // The same sections as the single document: each file's body is its section there.
    dialogs.answers.save = join(dir, 'all.md')
    expect(await dispatch(vault.handlers, 'export.markdownDocument', ranged)).toMatchObject({ ok: true })
    const document = readFileSync(join(dir, 'all.md'), 'utf8')
    for (const file of [thought, diary, gad]) expect(document).toContain(file.slice(file.indexOf('\n---\n') + 5).trim())
  })
})
