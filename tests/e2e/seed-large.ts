/**
 * A large vault for scrolling tests and the renderer benchmark: `total` timeline entries
 * (weekly sessions, reflections most days, some contacts and drafts) written straight through
 * the core's repositories in ONE transaction, which takes seconds instead of the minutes that
 * 100,000 channel calls would.
 */
import type { Core } from '../../src/main/core'
import { insertRow } from '../../src/main/core/db/table.repo'
import { newId } from '../../src/main/core/ids'
import { contactsTable } from '../../src/main/core/contacts/contacts.repo'
import { draftsTable } from '../../src/main/core/drafts/drafts.repo'
import { reflectionsTable, setTags } from '../../src/main/core/reflections/reflections.repo'
import { sessionsTable } from '../../src/main/core/sessions/sessions.repo'

const WORDS =
  'today felt heavy again lighter talked about work mother sister sleep anxious calmer boundaries call week walk canal herons tired steady worry evening morning kitchen train rain garden friend quiet loud grateful angry patient'.split(' ')
const TAGS = ['sleep', 'work', 'family', 'boundaries', 'small things']
const HOUR = 3_600_000

export interface LargeVault {
  therapistId: string
  counts: { sessions: number; reflections: number; contacts: number; drafts: number }
  oldest: number
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function seedLargeVault(core: Core, total: number, now: number): LargeVault {
  const db = core.vault.db()
  const rnd = random(42)
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ')
  const therapist = core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: 'Riverside Counselling', timeZone: 'Europe/London', channels: [] })
  const counts = { sessions: 0, reflections: 0, contacts: 0, drafts: 0 }
  // About one entry every two hours going back from now: sessions weekly, the rest mixed.
  const step = 2 * HOUR
  let at = now - HOUR
  // A large page cache for the one big transaction: far fewer encrypted page writes.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('cache_size = -262144')
  db.transaction(() => {
    for (let i = 0; i < total; i++, at -= step) {
      const id = newId(at)
      const base = { id, createdAt: at, updatedAt: at }
      if (i % 84 === 0) {
        insertRow(db, sessionsTable, {
          ...base,
          therapistId: therapist.id,
          startsAt: at,
          timeZone: 'Europe/London',
          durationMinutes: 50,
          format: i % 168 === 0 ? 'video' : 'in_person',
          status: 'attended',
          notes: `Session ${i}. ${words(30)}`,
          moodBefore: 1 + Math.floor(rnd() * 5),
          moodAfter: 1 + Math.floor(rnd() * 5),
          takeaways: words(12),
          homework: JSON.parse('[]'),
        })
        counts.sessions++
      } else if (i % 29 === 0) {
        insertRow(db, contactsTable, { ...base, therapistId: therapist.id, direction: i % 2 ? 'sent' : 'received', channel: 'email', purpose: 'scheduling', at, summary: words(15), overriddenRuleIds: [] })
        counts.contacts++
      } else if (i % 97 === 0) {
        insertRow(db, draftsTable, { ...base, therapistId: therapist.id, body: words(25), purpose: 'update', channel: 'email', remindAt: null })
        counts.drafts++
      } else {
        insertRow(db, reflectionsTable, { ...base, body: `${words(8)}\n\n${words(40)}`, mood: rnd() < 0.7 ? 1 + Math.floor(rnd() * 5) : null, sessionId: null, bringToSession: rnd() < 0.05 })
        if (rnd() < 0.3) setTags(db, id, [TAGS[Math.floor(rnd() * TAGS.length)] as string], at)
        counts.reflections++
      }
    }
  })()
  db.pragma(`cache_size = ${cacheSize}`)
  return { therapistId: therapist.id, counts, oldest: at + step }
}
