/**
 * A seeded generator of realistic vaults: ten years of weekly sessions, reflections of
 * realistic length and vocabulary, contacts and rules. Generated on each run, never committed.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { defaultRuleBody, RULE_KINDS } from '../src/shared/domain/rules/rule-kinds'
import { CHANNELS, PURPOSES } from '../src/shared/domain/vocabulary'
import { insertRow } from '../src/main/core/db/table.repo'
import { contactsTable } from '../src/main/core/contacts/contacts.repo'
import { reflectionsTable } from '../src/main/core/reflections/reflections.repo'
import { sessionsTable } from '../src/main/core/sessions/sessions.repo'
import { therapistsTable } from '../src/main/core/therapists/therapists.repo'
import { saveRuleVersion } from '../src/main/core/rules/rules.repo'
import { newId } from '../src/main/core/ids'

const DAY = 86_400_000
export const DATASET_END = Date.UTC(2026, 10, 1)
export const DATASET_START = DATASET_END - 3652 * DAY

/** mulberry32: small, fast, good enough for repeatable test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Everyday words people use when writing about their week, most frequent first (Zipf-like draw).
const WORDS = `i the and to a was it my of that in me felt feel about but with so this for not
 what like today when she he they work session think just again mum dad sleep anxious tired
 better worse week morning evening talked said thought because after before know want need
 really still maybe time home friend partner sister brother boss meeting walk breathe noticed
 angry sad calm okay guilty lonely proud hopeful heavy tense chest shoulders stomach head
 therapist rao homework journal trigger pattern boundary argument phone message text email
 call plan goal small step tried helped hard easier remember childhood school body panic
 weekend sunday monday tuesday wednesday thursday friday saturday night dream kitchen train
 office garden rain coffee tea dinner lunch breakfast bed couch window bus car park river
 again never always sometimes often rarely usually almost nearly enough too much little more
 less worried scared relieved grateful frustrated overwhelmed numb restless quiet loud slow`.split(/\s+/).filter(Boolean)

/** Appears in about one reflection in ten thousand. */
export const RARE_WORD = 'lighthouse'
/** Appears in most reflections. */
export const COMMON_WORD = 'felt'

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 14)
  const words: string[] = []
  for (let i = 0; i < length; i++) {
    const index = Math.floor(WORDS.length * Math.pow(random(), 2.2))
    words.push(WORDS[index] as string)
  }
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** 2–9 sentences: roughly 100–900 characters, like a short journal entry. */
export function reflectionBody(random: () => number): string {
  const count = 2 + Math.floor(random() * 8)
  const sentences = Array.from({ length: count }, () => sentence(random))
  if (random() < 0.0001) sentences.push(`I thought about the ${RARE_WORD} on the walk.`)
  return sentences.join(' ')
}

export interface DatasetShape {
  reflections: number
  contacts: number
  rules: number
}

export interface Dataset {
  therapistId: string
  sessions: number
  reflections: number
}

/** Fills a migrated database (encrypted or plain) in one transaction. */
export function fillDataset(db: Database.Database, shape: DatasetShape, seed = 42): Dataset {
  const random = seeded(seed)
  const therapistId = newId(DATASET_START)
  let sessions = 0
  db.transaction(() => {
    insertRow(db, therapistsTable, {
      id: therapistId, name: 'Dr Amara Rao', practice: 'Riverside', timeZone: 'Europe/London',
      channels: [{ channel: 'email', address: 'rao@example.org', label: '' }],
      createdAt: DATASET_START, updatedAt: DATASET_START,
    })
    for (let at = DATASET_START; at < DATASET_END + 60 * DAY; at += 7 * DAY) {
      insertRow(db, sessionsTable, {
        id: newId(at), therapistId, startsAt: at + 17 * 3_600_000, timeZone: 'Europe/London', durationMinutes: 50,
        format: 'video', status: at < DATASET_END ? 'attended' : 'scheduled', notes: sentence(random), moodBefore: 2 + Math.floor(random() * 3),
        moodAfter: 3 + Math.floor(random() * 3), takeaways: sentence(random), homework: [], createdAt: at, updatedAt: at,
      })
      sessions++
    }
    const span = DATASET_END - DATASET_START
    for (let i = 0; i < shape.reflections; i++) {
      const at = DATASET_START + Math.floor((span * i) / shape.reflections)
      insertRow(db, reflectionsTable, {
        id: newId(at), body: reflectionBody(random), mood: random() < 0.6 ? 1 + Math.floor(random() * 5) : null,
        sessionId: null, bringToSession: random() < 0.05, createdAt: at, updatedAt: at,
      })
    }
    for (let i = 0; i < shape.contacts; i++) {
      const at = DATASET_END - Math.floor(random() * span)
      insertRow(db, contactsTable, {
        id: newId(at), therapistId, direction: random() < 0.7 ? 'sent' : 'received',
        channel: CHANNELS[Math.floor(random() * CHANNELS.length)], purpose: PURPOSES[Math.floor(random() * (PURPOSES.length - 1))],
        at, summary: sentence(random), overriddenRuleIds: [], createdAt: at, updatedAt: at,
      })
    }
    for (let i = 0; i < shape.rules; i++) {
      const kind = RULE_KINDS[i % RULE_KINDS.length] as (typeof RULE_KINDS)[number]
      saveRuleVersion(db, {
        id: newId(DATASET_START + i), therapistId, version: 1, severity: i % 2 === 0 ? 'block' : 'warn', agreementText: sentence(random),
        agreedOn: DATASET_START, reviewBy: null, active: true, retiredAt: null, createdAt: DATASET_START, updatedAt: DATASET_START,
        body: defaultRuleBody(kind),
      })
    }
  })()
  return { therapistId, sessions, reflections: shape.reflections }
}
