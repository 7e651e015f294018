import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { createRecordServices } from '../../../src/main/core'
import { silentEvents, systemClock } from '../../../src/main/core/ports'
import { SEARCH_DAY_SLOTS } from '../../../src/main/core/db/migrations/0090-search-title-and-date-rowids'
import type { SearchOrder } from '../../../src/shared/ipc/schemas/search'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)
const DAY = 86_400_000

function vaultAt70() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, upTo(70))
  const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
  return { db, services }
}

/** One entry of every indexed kind, each mentioning `word`, on different days. */
function everyKind({ db, services }: ReturnType<typeof vaultAt70>, word: string) {
  // Written in SQL: the therapists' codec has columns (pronouns, 0080) that a 0070 vault lacks.
  const therapist = { id: 'therapist-ash' }
  db.prepare("INSERT INTO therapists (id, name, practice, time_zone, created_at, updated_at) VALUES (?, 'Dr Ash', 'Riverside', 'Europe/London', 1, 1)").run(therapist.id)
  const session = services.sessions.create({
    therapistId: therapist.id, startsAt: Date.UTC(2025, 5, 2, 17), timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'attended',
    notes: `notes ${word}`, moodBefore: null, moodAfter: null, takeaways: 'takeaways', homework: [{ text: 'walk', status: 'todo' }],
  })
  const titled = services.reflections.create({ body: `The ${word} at dawn\nthen breakfast and a long walk`, mood: null, tags: [], sessionId: null, bringToSession: false })
  const untitled = services.reflections.create({ body: `a note about the ${word}`, mood: null, tags: [], sessionId: null, bringToSession: false })
  const point = services.talkingPoints.create({ text: `the ${word} again`, priority: 'normal', position: 1, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
  const contact = services.contacts.create({ therapistId: therapist.id, direction: 'sent', channel: 'email', purpose: 'scheduling', at: Date.UTC(2025, 4, 1, 9), summary: `about the ${word}`, overriddenRuleIds: [] })
  const draft = services.drafts.create({ therapistId: therapist.id, body: `draft ${word}`, purpose: 'update', channel: 'email', remindAt: null })
  const thought = services.thoughtRecords.create({
    happenedAt: Date.UTC(2025, 3, 1, 12), situation: `At the ${word}`, emotions: [{ name: 'Anxious', before: 80, after: 40 }],
    thoughts: [{ text: 'They think I am useless', belief: 90, hot: true, traps: [] }, { text: 'I will be let go', belief: 60, hot: false, traps: [] }],
    evidenceFor: 'a frown', evidenceAgainst: 'thanks', balancedThought: 'one frown', balancedBelief: 70, bringToSession: false,
  })
  const day = services.diaryCard.saveDay({ day: '2025-03-02', timeZone: 'Europe/London', emotions: {}, urges: {}, behaviours: {}, skills: [], note: `${word} day` })
  const checkIn = services.checkIns.create({ questionnaire: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], takenAt: Date.UTC(2025, 2, 1), note: `${word} week` })
  return { session, titled, untitled, point, contact, draft, thought, day, checkIn }
}

const columnsOf = (db: Database.Database, id: string) =>
  db.prepare('SELECT body, title FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE ref_id = ?)').get(id) as { body: string; title: string }

describe('migration 0090: a title column, and rowids by the day each entry is about', () => {
  it('rebuilds the index over a 0070 database with every kind of entry; prefix indexes, secure delete and search still there', () => {
    const vault = vaultAt70()
    const { db, services } = vault
    const made = everyKind(vault, 'heron')
    const before = db.prepare('SELECT kind, ref_id, at FROM search_docs ORDER BY ref_id').all()

    migrate(db, upTo(90))
    expect(schemaVersion(db)).toBe(90)
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get() as string
    expect(sql).toContain('(body, title,')
    expect(sql).toContain("prefix = '1 2 3 4'")
    expect(db.prepare("SELECT v FROM search_index_config WHERE k = 'secure-delete'").pluck().get()).toBe(1)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('search_docs_next', 'search_docs_by_at')").pluck().get()).toBe(0)
    expect(db.prepare("SELECT count(*) FROM search_terms WHERE term = 'heron'").pluck().get()).toBe(1)

    // The same entries, now numbered by date: each row in its day's range, in date order.
    expect(db.prepare('SELECT kind, ref_id, at FROM search_docs ORDER BY ref_id').all()).toEqual(before)
    const docs = db.prepare('SELECT rowid, at FROM search_docs ORDER BY rowid').all() as Array<{ rowid: number; at: number }>
    expect(docs.map((d) => d.at)).toEqual(docs.map((d) => d.at).sort((a, b) => a - b))
    const firstDay = Math.floor((docs[0]?.at ?? 0) / DAY)
    const lastDay = Math.floor((docs.at(-1)?.at ?? 0) / DAY)
    expect(Math.floor((docs.at(-1)?.rowid ?? 0) / SEARCH_DAY_SLOTS) - Math.floor((docs[0]?.rowid ?? 0) / SEARCH_DAY_SLOTS)).toBe(lastDay - firstDay)
    expect(() => db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()

    // Titles per kind.
    expect(columnsOf(db, made.titled.id)).toEqual({ title: 'The heron at dawn', body: 'then breakfast and a long walk' })
    expect(columnsOf(db, made.untitled.id)).toEqual({ title: '', body: 'a note about the heron' })
    expect(columnsOf(db, made.point.id)).toEqual({ title: 'the heron again', body: '' })
    expect(columnsOf(db, made.thought.id)).toEqual({ title: 'At the heron\nThey think I am useless', body: 'Anxious\nI will be let go\na frown\nthanks\none frown' })
    expect(columnsOf(db, made.session.id)).toEqual({ title: '', body: 'notes heron\ntakeaways\nwalk' })

    const hits = (query: string, order: SearchOrder = 'date') => services.search.query({ query, limit: 50, cursor: null, order }).hits
    const byDate = hits('heron')
    expect(byDate.map((h) => h.kind).sort()).toEqual(['check_in', 'contact', 'diary_day', 'draft', 'reflection', 'reflection', 'session', 'talking_point', 'thought_record'])
    expect(byDate.map((h) => h.at)).toEqual(byDate.map((h) => h.at).sort((a, b) => b - a))
    expect(hits('useless').map((h) => h.id)).toEqual([made.thought.id])
    expect(hits('breakfast')[0]?.snippet).toContain('\u0002breakfast\u0003')
    expect(hits('dawn')[0]?.snippet).toContain('\u0002dawn\u0003')
  })

  it('keeps the index in step afterwards: inserts, edits, a date moved to another day, deletes, for every kind', () => {
    const vault = vaultAt70()
    const { db, services } = vault
    migrate(db, upTo(90))
    const made = everyKind(vault, 'kestrel')
    const ids = (query: string) => services.search.query({ query, limit: 50, cursor: null }).hits.map((h) => h.id)
    expect(ids('kestrel')).toHaveLength(9)
    const rowidOf = (id: string) => db.prepare('SELECT rowid FROM search_docs WHERE ref_id = ?').pluck().get(id) as number
    const dayOf = (id: string) => Math.floor(rowidOf(id) / SEARCH_DAY_SLOTS)

    const sessionDay = dayOf(made.session.id)
    services.sessions.update({ id: made.session.id, patch: { notes: 'notes about an owl' } })
    expect(dayOf(made.session.id)).toBe(sessionDay)
    expect(ids('owl')).toEqual([made.session.id])
    services.sessions.update({ id: made.session.id, patch: { startsAt: Date.UTC(2025, 5, 12, 17) } })
    expect(dayOf(made.session.id)).toBe(sessionDay + 10)
    expect(ids('owl')).toEqual([made.session.id])

    services.thoughtRecords.update({ id: made.thought.id, patch: { situation: 'At the station' } })
    expect(columnsOf(db, made.thought.id).title).toBe('At the station\nThey think I am useless')
    services.checkIns.delete({ id: made.checkIn.id })
    services.reflections.delete({ id: made.titled.id })
    services.talkingPoints.delete({ id: made.point.id })
    // Left with kestrel: the untitled reflection, the contact, the draft and the diary day.
    expect(ids('kestrel').sort()).toEqual([made.untitled.id, made.contact.id, made.draft.id, made.day.id].sort())
    expect(db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(db.prepare('SELECT count(*) FROM search_index').pluck().get())
  })

  it('ranks a match in the title above one in the body for best match; by date the newer comes first', () => {
    const { db, services } = vaultAt70()
    migrate(db, upTo(90))
    const inTitle = services.reflections.create({ body: 'Storm\nwe stayed in all day and read', mood: null, tags: [], sessionId: null, bringToSession: false })
    const inBody = services.reflections.create({ body: 'Saturday\nthe storm kept us in', mood: null, tags: [], sessionId: null, bringToSession: false })
    const ids = (order: SearchOrder) => services.search.query({ query: 'storm', limit: 10, cursor: null, order }).hits.map((h) => h.id)
    expect(ids('relevance')).toEqual([inTitle.id, inBody.id])
    expect(ids('date')).toEqual([inBody.id, inTitle.id])
  })
})
