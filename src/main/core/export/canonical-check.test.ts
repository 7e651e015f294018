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
})
