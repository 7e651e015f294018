/**
 * Day One (zips with several journals, rich text only, photo markers, metadata kept visibly,
 * empty journals) and Daylio (CSV versions and languages, the mood mapping, activities as tags,
 * notes as text), through the same choose -> preview -> apply as the Settings screen.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'
import { makeZip } from '../../helpers/zip'

const FIXTURES = new URL('../../fixtures/imports/', import.meta.url).pathname
const CANARY = 'canaryJr7Qx'

let vaults: TestVault[] = []
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-import-journals-')
})
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
  rmSync(dir, { recursive: true, force: true })
})

async function newVault(open: string) {
  const dialogs = fakeDialogs({ open })
  const vault = await createTestVault({ dialogs })
  vaults.push(vault)
  return vault
}

async function preview(vault: TestVault, options: unknown) {
  const chosen = await dispatch(vault.handlers, 'import.choose', options)
  if (!chosen.ok) return chosen
  return chosen as { ok: true; value: { status: 'ready'; preview: { planId: string; create: { reflections: number }; skipped: Array<{ reason: string; count: number; places: string[] }>; moods: Array<{ label: string; count: number; mood: number | null }>; unchanged: number } } }
}

const reflectionsOf = (vault: TestVault) =>
  vault.core.reflections.list({ limit: 100, before: null, tag: null }).sort((a, b) => a.createdAt - b.createdAt)

const dayOneJournal = (entries: unknown[]) => JSON.stringify({ metadata: { version: '1.0' }, entries })

describe('Day One', () => {
  it('a zip with two journals, photos, a rich-text-only entry and inline photo markers', async () => {
    const zip = makeZip({
      'Journal.json': dayOneJournal([
        {
          uuid: 'A1',
          creationDate: '2026-01-05T08:00:00Z',
          text: 'Morning. ![](dayone-moment://ABC123) Walked to the river.\n\n![](dayone-moment://DEF456)\n\n\n![](dayone-moment:/video/XYZ)\nHome again\\.',
          photos: [{ identifier: 'ABC123' }, { identifier: 'DEF456' }],
          videos: [{ identifier: 'XYZ' }],
          starred: true,
          tags: ['walks'],
        },
        { uuid: 'A2', creationDate: '2026-01-06T08:00:00Z', richText: JSON.stringify({ contents: [{ text: 'Only rich text here.\n' }, { embeddedObjects: [{ type: 'photo', identifier: 'P1' }] }, { text: 'Second line.' }] }) },
        { uuid: 'A3', creationDate: '2026-01-07T08:00:00Z', photos: [{ identifier: 'Q' }] },
      ]),
      'Therapy Notes.json': dayOneJournal([{ uuid: 'B1', creationDate: '2026-01-08T20:00:00Z', text: 'After the session.', weather: { conditionsDescription: 'Rain', temperatureCelsius: 4.4 } }]),
      'photos/abc.jpeg': Buffer.from([1, 2, 3]),
    })
    const path = join(dir, 'export.zip')
    writeFileSync(path, zip)
    const vault = await newVault(path)
    const chosen = await preview(vault, { kind: 'dayOne' })
    expect(chosen.ok).toBe(true)
    if (!chosen.ok) return
    expect(chosen.value.preview.create.reflections).toBe(3)
    expect(chosen.value.preview.skipped).toEqual([
      { reason: 'no_text', count: 1, places: ['Journal.json: entries.2'] },
      { reason: 'attachments', count: 5, places: ['attachments'] },
    ])
    expect(reflectionsOf(vault)).toEqual([])
    const applied = await dispatch(vault.handlers, 'import.apply', { planId: chosen.value.preview.planId, options: { kind: 'dayOne' } })
    expect(applied).toMatchObject({ ok: true, value: { created: { reflections: 3 }, skipped: 1 } })
    const [first, second, third] = reflectionsOf(vault)
    expect(first?.body).toBe('Morning. Walked to the river.\n\nHome again.\n\n— From Day One —\nStarred in Day One\nAttachments not imported: 3')
    expect(first?.tags).toEqual(['Journal', 'walks']) // the journal's name, when an export holds several
    expect(second?.body).toBe('Only rich text here.\nSecond line.\n\n— From Day One —\nAttachments not imported: 1')
    expect(third?.body).toBe('After the session.\n\n— From Day One —\nWeather: Rain, 4 °C')
    expect(third?.tags).toEqual(['Therapy Notes'])
  })

  it('an empty journal previews as nothing to add; importing it changes nothing', async () => {
    const path = join(dir, 'empty.json')
    writeFileSync(path, dayOneJournal([]))
    const vault = await newVault(path)
    const before = digestDatabase(vault.core.vault.db())
    const chosen = await preview(vault, { kind: 'dayOne' })
    if (!chosen.ok) throw new Error('expected a preview')
    expect(chosen.value.preview).toMatchObject({ create: { reflections: 0 }, skipped: [], total: 0, range: null })
    await dispatch(vault.handlers, 'import.apply', { planId: chosen.value.preview.planId, options: { kind: 'dayOne' } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })

  it('a broken journal inside a zip is named with its place; nothing is written', async () => {
    const path = join(dir, 'bad.zip')
    writeFileSync(path, makeZip({ 'Journal.json': dayOneJournal([]), 'Work.json': `{"entries": [ {"text": "${CANARY}" ,, ]}` }))
    const vault = await newVault(path)
    const before = digestDatabase(vault.core.vault.db())
    const result = await dispatch(vault.handlers, 'import.choose', { kind: 'dayOne' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT', field: 'Work.json, line 1, column 39' } })
    expect(JSON.stringify(result)).not.toContain(CANARY)
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })
})

describe('Daylio', () => {
  it('the 2023 export: moods mapped (a custom one chosen in the preview), activities as tags, notes with titles and <br>', async () => {
    const vault = await newVault(join(FIXTURES, 'daylio-2023.csv'))
    const options = { kind: 'daylio', daylio: { timeZone: 'Europe/London', moods: {} } }
    const chosen = await preview(vault, options)
    if (!chosen.ok) throw new Error('expected a preview')
    expect(chosen.value.preview.moods).toEqual([
      { label: 'rad', count: 1, mood: 5 },
      { label: 'meh', count: 1, mood: 3 },
      { label: 'Anxious but ok', count: 1, mood: null },
      { label: 'awful', count: 1, mood: 1 },
    ])
    expect(chosen.value.preview.skipped).toEqual([{ reason: 'outside_date_range', count: 1, places: ['line 8'] }])
    const mapped = { ...options, daylio: { ...options.daylio, moods: { 'Anxious but ok': 2 } } }
    const again = await dispatch(vault.handlers, 'import.preview', { planId: chosen.value.preview.planId, options: mapped })
    expect(again).toMatchObject({ ok: true, value: { moods: [{ mood: 5 }, { mood: 3 }, { label: 'Anxious but ok', mood: 2 }, { mood: 1 }] } })
    expect(await dispatch(vault.handlers, 'import.apply', { planId: chosen.value.preview.planId, options: mapped })).toMatchObject({ ok: true, value: { created: { reflections: 4 } } })
    expect(reflectionsOf(vault).map((r) => [new Date(r.createdAt).toISOString(), r.mood, r.tags, r.body])).toEqual([
      ['2026-02-25T00:15:00.000Z', 1, [], 'Bad night'],
      ['2026-02-26T23:30:00.000Z', 2, ['sleep', 'work'], 'Couldn\'t switch off, "again".\n\nTried the breathing.'],
      ['2026-02-27T08:05:00.000Z', 3, [], ''],
      ['2026-02-28T21:41:00.000Z', 5, ['friends', 'therapy', 'walk'], 'A good day\n\nLong walk with Sam.\nTalked about the move & felt lighter.'],
    ])

    // The same backup again: nothing new.
    const before = digestDatabase(vault.core.vault.db())
    const second = await preview(vault, options)
    if (!second.ok) throw new Error('expected a preview')
    expect(second.value.preview).toMatchObject({ create: { reflections: 0 }, unchanged: 4 })
    await dispatch(vault.handlers, 'import.apply', { planId: second.value.preview.planId, options })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })

  it('an older German export without note titles, 24-hour times', async () => {
    const vault = await newVault(join(FIXTURES, 'daylio-2019-german.csv'))
    const options = { kind: 'daylio', daylio: { timeZone: 'Europe/Berlin', moods: {} } }
    const chosen = await preview(vault, options)
    if (!chosen.ok) throw new Error('expected a preview')
    await dispatch(vault.handlers, 'import.apply', { planId: chosen.value.preview.planId, options })
    expect(reflectionsOf(vault).map((r) => [new Date(r.createdAt).toISOString(), r.mood, r.tags, r.body])).toEqual([
      ['2025-11-02T08:05:00.000Z', 1, [], ''],
      ['2025-11-03T20:10:00.000Z', 4, ['Familie', 'Sport'], 'Abendessen bei Oma'],
    ])
  })

  it('the first export format: a year column and the day and month in words (English, German)', async () => {
    const vault = await newVault(join(FIXTURES, 'daylio-2017-year-column.csv'))
    const options = { kind: 'daylio', daylio: { timeZone: 'Europe/London', moods: {} } }
    const chosen = await preview(vault, options)
    if (!chosen.ok) throw new Error('expected a preview')
    await dispatch(vault.handlers, 'import.apply', { planId: chosen.value.preview.planId, options })
    expect(reflectionsOf(vault).map((r) => [new Date(r.createdAt).toISOString(), r.mood, r.tags, r.body])).toEqual([
      ['2017-05-03T20:15:00.000Z', 4, ['reading', 'sport'], 'First entry'],
      ['2017-05-04T07:00:00.000Z', 5, [], ''],
      ['2017-05-04T20:30:00.000Z', 3, [], 'Zweiter, kurzer Text'],
    ])
  })

  it('bad CSVs: a clear sentence with the line, nothing written', async () => {
    const cases: Array<[string, RegExp, string]> = [
      [`full_date,date,weekday,time,mood,activities,note\n2026-01-01,x,y,10:00,good,,"${CANARY} never closed\n`, /CSV file is damaged/, 'line 2'],
      [`name,email\n${CANARY},x@example.org\n`, /not a Daylio backup/, 'line 1'],
    ]
    for (const [content, message, field] of cases) {
      const path = join(dir, 'bad.csv')
      writeFileSync(path, content)
      const vault = await newVault(path)
      const before = digestDatabase(vault.core.vault.db())
      const result = await dispatch(vault.handlers, 'import.choose', { kind: 'daylio', daylio: { timeZone: 'UTC' } })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT', field } })
      if (result.ok) return
      expect(result.error.message).toMatch(message)
      expect(JSON.stringify(result)).not.toContain(CANARY)
      expect(digestDatabase(vault.core.vault.db())).toBe(before)
    }
  })
})
