import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { newId } from '../ids'
import { canonicalCheck } from './canonical-check'
import { exportDocumentSchema } from './export-document'

const items = exportDocumentSchema.shape.data.shape
const reflectionItem = items.reflections.element
const sessionItem = items.sessions.element
const contactItem = items.contacts.element

const at = Date.UTC(2026, 2, 3, 9)
const reflection = (): Record<string, unknown> => ({ body: 'a day', mood: 3, tags: ['sleep'], sessionId: null, bringToSession: false, id: newId(at), createdAt: at, updatedAt: at })
const session = (): Record<string, unknown> => ({
  title: null,
  location: null,
  therapistId: null,
  startsAt: at,
  timeZone: 'Europe/London',
  durationMinutes: 50,
  format: 'video',
  status: 'attended',
  notes: 'notes',
  moodBefore: null,
  moodAfter: 4,
  takeaways: '',
  homework: [{ id: newId(at), text: 'walk', status: 'todo' }],
  id: newId(at),
  createdAt: at,
  updatedAt: at,
})

/** What the check promises: a yes means zod passes the value and gives the same JSON back. */
function agreesWithZod(schema: z.ZodType, value: unknown): boolean {
  const yes = (canonicalCheck(schema) as (value: unknown) => boolean)(value)
  if (!yes) return true
  const parsed = schema.safeParse(value)
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(value)
}

describe('canonicalCheck', () => {
  it('says yes to rows as the export reads them', () => {
    const contact = { therapistId: null, direction: 'sent', channel: 'text', purpose: 'scheduling', at, summary: '', overriddenRuleIds: [], id: newId(at), createdAt: at, updatedAt: at }
    expect(contactItem.safeParse(contact).success).toBe(true)
    for (const [schema, value] of [
      [reflectionItem, reflection()],
      [sessionItem, session()],
      [contactItem, contact],
    ] as const) {
      expect(canonicalCheck(schema)?.(value)).toBe(true)
      expect(JSON.stringify(schema.parse(value))).toBe(JSON.stringify(value))
    }
  })

  it('leaves the edges to zod: lengths are counted in code points', () => {
    const astral = { ...reflection(), tags: ['\u{1F600}'.repeat(31)] } // 62 UTF-16 units, 31 code points (limit 60)
    expect(reflectionItem.safeParse(astral).success).toBe(true)
    expect(canonicalCheck(reflectionItem)?.(astral)).toBe(true)
    const tooLong = { ...reflection(), tags: ['\u{1F600}'.repeat(61)] }
    expect(reflectionItem.safeParse(tooLong).success).toBe(false)
    expect(canonicalCheck(reflectionItem)?.(tooLong)).toBe(false)
  })

  it('says no where zod would change the value, so the caller parses it with zod', () => {
    const changed: Array<[z.ZodType, Record<string, unknown>]> = [
      [reflectionItem, { ...reflection(), tags: ['sleep '] }], // .trim()
      [reflectionItem, (({ mood: _mood, ...rest }) => rest)(reflection())], // a default filled
      [reflectionItem, (({ id, ...rest }) => ({ id, ...rest }))(reflection())], // keys in another order
      [sessionItem, { ...session(), homework: [{ id: newId(at), text: 'walk' }] }], // homework status defaulted
      [sessionItem, { ...session(), homework: [{ text: 'walk', id: newId(at), status: 'todo' }] }],
    ]
    for (const [schema, value] of changed) {
      expect(schema.safeParse(value).success).toBe(true)
      expect(canonicalCheck(schema)?.(value)).toBe(false)
    }
  })

  it('says no to what zod refuses', () => {
    const wrong = [
      { ...reflection(), id: 'not-an-id' },
      { ...reflection(), mood: 9 },
      { ...reflection(), mood: 2.5 },
      { ...reflection(), createdAt: Number.NaN },
      { ...reflection(), body: 'x'.repeat(200_001) },
      { ...reflection(), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { ...reflection(), bringToSession: 1 },
      { ...reflection(), extra: true },
      [reflection()],
      null,
    ]
    for (const value of wrong) {
      expect(reflectionItem.safeParse(value).success).toBe(false)
      expect(canonicalCheck(reflectionItem)?.(value)).toBe(false)
    }
    expect(canonicalCheck(sessionItem)?.({ ...session(), timeZone: 'Not/AZone' })).toBe(false)
  })

  it('gives no fast check for what it does not know', () => {
    expect(canonicalCheck(z.string().transform((text) => text.length))).toBeNull()
    expect(canonicalCheck(z.strictObject({ a: z.union([z.string(), z.number()]) }))).toBeNull()
    expect(canonicalCheck(z.object({ a: z.record(z.string(), z.unknown()) }))).toBeNull()
  })

  it('a yes always means zod gives the same JSON back (random rows)', () => {
    // Mostly valid values, some that zod refuses or changes: both answers come up often.
    const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 8 }) }, fc.constantFrom(' x', 'x ', '', '\u00a0'))
    const row = fc.record({
      body: fc.oneof({ weight: 9, arbitrary: text }, fc.integer()),
      mood: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, fc.double(), fc.constant(undefined)),
      tags: fc.oneof({ weight: 9, arbitrary: fc.array(text, { maxLength: 3 }) }, fc.constant(undefined), fc.constant('sleep')),
      sessionId: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, fc.constant(newId(at)), text),
      bringToSession: fc.oneof({ weight: 9, arbitrary: fc.boolean() }, fc.constant(0)),
      id: fc.oneof({ weight: 9, arbitrary: fc.constant(newId(at)) }, text),
      createdAt: fc.oneof({ weight: 9, arbitrary: fc.constant(at) }, fc.double(), fc.integer()),
      updatedAt: fc.constant(at),
    })
    let yes = 0
    fc.assert(
      fc.property(row, fc.integer({ min: 0, max: 9 }), (value, shuffle) => {
        const shaped = shuffle === 0 ? Object.fromEntries(Object.entries(value).reverse()) : value
        if (canonicalCheck(reflectionItem)?.(shaped)) yes++
        return agreesWithZod(reflectionItem, shaped)
      }),
      { numRuns: 2_000 },
    )
    expect(yes).toBeGreaterThan(50)
  })

  it('a yes always means zod gives the same JSON back (random sessions)', () => {
    const text = fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, fc.constantFrom(' x', 'x ', '', '\u{1F600}'))
    const item = fc.oneof(
      { weight: 6, arbitrary: fc.record({ id: fc.constant(newId(at)), text, status: fc.constantFrom('todo', 'done', 'later') }) },
      fc.record({ text, id: fc.constant(newId(at)) }),
      fc.record({ id: fc.constant(newId(at)), text, status: fc.constant('todo'), extra: fc.boolean() }),
    )
    const row = fc.record({
      title: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, text),
      location: fc.constant(null),
      therapistId: fc.constant(null),
      startsAt: fc.oneof({ weight: 6, arbitrary: fc.constant(at) }, fc.double(), fc.constant(-1e16)),
      timeZone: fc.constantFrom('Europe/London', 'America/New_York', 'Not/AZone', ''),
      durationMinutes: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 700 }) }, fc.double()),
      format: fc.constantFrom('video', 'in_person', 'fax'),
      status: fc.constantFrom('attended', 'scheduled', 'done'),
      notes: text,
      moodBefore: fc.constant(null),
      moodAfter: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6 })),
      takeaways: text,
      homework: fc.array(item, { maxLength: 3 }),
      id: fc.constant(newId(at)),
      createdAt: fc.constant(at),
      updatedAt: fc.constant(at),
    })
    let yes = 0
    fc.assert(
      fc.property(row, (value) => {
        if (canonicalCheck(sessionItem)?.(value)) yes++
        return agreesWithZod(sessionItem, value)
      }),
      { numRuns: 2_000 },
    )
    // Not vacuous: some random sessions pass the check (about 30 in 2,000; one run had 15).
    expect(yes).toBeGreaterThan(5)
  })
})
