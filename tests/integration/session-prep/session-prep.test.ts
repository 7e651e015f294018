import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { briefHtml, buildBrief, moodSummary } from '../../../src/main/core/session-prep/brief'
import { pointTextFrom } from '../../../src/main/core/session-prep/session-prep.service'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { chromiumPdfRenderer, fakeDialogs, pdfSkipReason } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

const ZONE = 'Europe/London'
const HOUR = 3_600_000
const DAY = 24 * HOUR
// Tuesday 10 March 2026, 17:00 London (GMT).
const TUESDAY = Date.UTC(2026, 2, 10, 17)

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

async function call<T = unknown>(v: TestVault, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(v.handlers, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function seed(v: TestVault) {
  const { core, clock } = v
  clock.set(TUESDAY - 7 * DAY + HOUR) // just after last week's session: it can be attended
  const therapist = core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: '', timeZone: ZONE, channels: [] })
  const last = core.sessions.create({
    therapistId: therapist.id,
    startsAt: TUESDAY - 7 * DAY,
    timeZone: ZONE,
    durationMinutes: 50,
    format: 'in_person',
    status: 'attended',
    notes: '',
    moodBefore: null,
    moodAfter: null,
    takeaways: '',
    homework: [{ text: 'Close the laptop at 8pm', status: 'doing' }],
  })
  const tuesday = core.sessions.create({
    therapistId: therapist.id,
    startsAt: TUESDAY,
    timeZone: ZONE,
    durationMinutes: 50,
    format: 'in_person',
    status: 'scheduled',
    notes: '',
    moodBefore: null,
    moodAfter: null,
    takeaways: '',
    homework: [],
  })
  const next = core.sessions.create({
    therapistId: therapist.id,
    startsAt: TUESDAY + 7 * DAY,
    timeZone: ZONE,
    durationMinutes: 50,
    format: 'in_person',
    status: 'scheduled',
    notes: '',
    moodBefore: null,
    moodAfter: null,
    takeaways: '',
    homework: [],
  })
  // Before last week's session: not gathered.
  clock.set(TUESDAY - 8 * DAY)
  core.reflections.create({ body: 'Old flagged thought', mood: 2, tags: [], sessionId: null, bringToSession: true })
  clock.set(TUESDAY - 3 * DAY)
  core.reflections.create({ body: 'Sunday calls with my sister\n\nMore detail here.', mood: 3, tags: [], sessionId: null, bringToSession: true })
  clock.set(TUESDAY - 3 * DAY + 60_000)
  core.reflections.create({ body: 'Just a note', mood: 4, tags: [], sessionId: null, bringToSession: false })
  return { therapist, last, tuesday, next }
}

describe('sessionPrep.open', () => {
  it('gathers flagged reflections since the last session once, and reports the page', async () => {
    const { therapist, last, tuesday, next } = seed(vault)
    vault.clock.set(TUESDAY - DAY)
    const typed = vault.core.talkingPoints.create({ text: 'Ask about the holidays', priority: 'high', position: 5, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })

    const prep = await call<Record<string, unknown>>(vault, 'sessionPrep.open', { therapistId: therapist.id })
    expect((prep.lastSession as { id: string }).id).toBe(last.id)
    expect((prep.nextSession as { id: string }).id).toBe(tuesday.id)
    expect(prep.toReview).toBeNull()
    expect(prep.gathered).toBe(1)
    const points = prep.talkingPoints as Array<{ id: string; text: string; sourceReflectionId: string | null }>
    expect(points.map((p) => p.text)).toEqual(['Ask about the holidays', 'Sunday calls with my sister'])
    expect(prep.moods).toEqual([
      { at: TUESDAY - 3 * DAY, mood: 3 },
      { at: TUESDAY - 3 * DAY + 60_000, mood: 4 },
    ])

    // Opening again adds nothing; a dropped point is not brought back.
    const again = await call<{ gathered: number; talkingPoints: unknown[] }>(vault, 'sessionPrep.open', { therapistId: null })
    expect(again.gathered).toBe(0)
    const gatheredPoint = points[1]!
    vault.core.talkingPoints.update({ id: gatheredPoint.id, patch: { status: 'dropped' } })
    const third = await call<{ gathered: number; talkingPoints: Array<{ id: string }> }>(vault, 'sessionPrep.open', { therapistId: null })
    expect(third.gathered).toBe(0)
    expect(third.talkingPoints.map((p) => p.id)).toEqual([typed.id])

    // After Tuesday has started, it waits for its review; the next one is a week later.
    vault.clock.set(TUESDAY + 2 * HOUR)
    const after = await call<{ toReview: { id: string } | null; nextSession: { id: string } | null; since: number }>(vault, 'sessionPrep.open', {
      therapistId: null,
    })
    expect(after.toReview?.id).toBe(tuesday.id)
    expect(after.nextSession?.id).toBe(next.id)
    expect(after.since).toBe(TUESDAY)
  })

  it('lists drafts not parked as points and questions without a reply', async () => {
    const { therapist } = seed(vault)
    vault.clock.set(TUESDAY - 2 * DAY)
    const kept = vault.core.drafts.create({ therapistId: therapist.id, body: 'Can we talk about fees?', purpose: 'admin', channel: 'email', remindAt: null })
    const parked = vault.core.drafts.create({ therapistId: therapist.id, body: 'Parked', purpose: 'update', channel: 'text', remindAt: null })
    vault.core.talkingPoints.create({ text: 'Parked', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: parked.id, status: 'open' })
    vault.core.contacts.create({ therapistId: therapist.id, direction: 'sent', channel: 'email', purpose: 'question', at: TUESDAY - 2 * DAY, summary: 'Is the worksheet for this week?', overriddenRuleIds: [] })
    vault.core.contacts.create({ therapistId: therapist.id, direction: 'sent', channel: 'email', purpose: 'question', at: TUESDAY - 3 * DAY, summary: 'Answered one', overriddenRuleIds: [] })
    vault.core.contacts.create({ therapistId: therapist.id, direction: 'received', channel: 'email', purpose: 'question', at: TUESDAY - 2.5 * DAY, summary: 'Reply', overriddenRuleIds: [] })
    const prep = await call<{ drafts: Array<{ id: string }>; unanswered: Array<{ summary: string }> }>(vault, 'sessionPrep.open', { therapistId: null })
    expect(prep.drafts.map((d) => d.id)).toEqual([kept.id])
    expect(prep.unanswered.map((c) => c.summary)).toEqual(['Is the worksheet for this week?'])
  })
})

describe('sessionPrep.reorder and sessionPrep.review', () => {
  it('reorders in one write and refuses unknown or repeated IDs without changing anything', async () => {
    seed(vault)
    const make = (text: string, position: number) =>
      vault.core.talkingPoints.create({ text, priority: 'normal', position, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    const a = make('A', 0)
    const b = make('B', 1)
    const c = make('C', 2)
    await call(vault, 'sessionPrep.reorder', { ids: [c.id, a.id, b.id] })
    expect(vault.core.talkingPoints.list({ status: 'open', targetSessionId: null }).map((p) => p.text)).toEqual(['C', 'A', 'B'])
    expect((await dispatch(vault.handlers, 'sessionPrep.reorder', { ids: [a.id, a.id] })).ok).toBe(false)
    const missing = await dispatch(vault.handlers, 'sessionPrep.reorder', { ids: [b.id, '01890000-0000-7000-8000-000000000000'] })
    expect(missing.ok).toBe(false)
    expect(vault.core.talkingPoints.list({ status: 'open', targetSessionId: null }).map((p) => p.text)).toEqual(['C', 'A', 'B'])
  })

  it('closes the session: attended, notes, homework, points discussed or carried over, previous homework updated', async () => {
    const { last, tuesday } = seed(vault)
    vault.clock.set(TUESDAY + 2 * HOUR)
    const make = (text: string) =>
      vault.core.talkingPoints.create({ text, priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    const talked = make('Talked about')
    const later = make('Next time')
    const homeworkId = last.homework[0]!.id
    const session = await call<{ status: string; notes: string; homework: Array<{ id: string; text: string }> }>(vault, 'sessionPrep.review', {
      sessionId: tuesday.id,
      discussedIds: [talked.id],
      carriedIds: [later.id],
      notes: 'We looked at Sundays.',
      takeaways: 'Shorter calls are allowed.',
      moodAfter: 4,
      homework: [{ text: 'Try a 20 minute call' }],
      previousHomework: { sessionId: last.id, items: [{ id: homeworkId, status: 'done' }] },
    })
    expect(session.status).toBe('attended')
    expect(session.notes).toBe('We looked at Sundays.')
    expect(session.homework[0]?.text).toBe('Try a 20 minute call')
    expect(session.homework[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(vault.core.talkingPoints.get({ id: talked.id })).toMatchObject({ status: 'discussed', targetSessionId: tuesday.id })
    expect(vault.core.talkingPoints.get({ id: later.id })).toMatchObject({ status: 'carried_over', targetSessionId: null })
    expect(vault.core.sessions.get({ id: last.id }).homework[0]?.status).toBe('done')
    const changed = vault.events.log.filter((e) => e.event === 'data.changed').at(-1)
    expect(changed?.payload).toEqual({ tables: ['sessions', 'talking_points'] })

    // The interval is closed: the next open starts from Tuesday and nothing waits for review.
    const prep = await call<{ toReview: unknown; lastSession: { id: string }; talkingPoints: Array<{ id: string }> }>(vault, 'sessionPrep.open', {
      therapistId: null,
    })
    expect(prep.toReview).toBeNull()
    expect(prep.lastSession.id).toBe(tuesday.id)
    expect(prep.talkingPoints.map((p) => p.id)).toEqual([later.id])
  })

  it('changes nothing when a point is both discussed and carried over', async () => {
    const { tuesday } = seed(vault)
    const p = vault.core.talkingPoints.create({ text: 'X', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    const result = await dispatch(vault.handlers, 'sessionPrep.review', { sessionId: tuesday.id, discussedIds: [p.id], carriedIds: [p.id] })
    expect(result.ok).toBe(false)
    expect(vault.core.sessions.get({ id: tuesday.id }).status).toBe('scheduled')
  })
})

describe('the brief', () => {
  it('says mood in words and keeps a point to its first paragraph', () => {
    expect(moodSummary([{ mood: 3 }, { mood: 2 }, { mood: 3 }])).toBe('From 3 reflections: okay twice, low once.')
    expect(moodSummary([])).toBeNull()
    expect(pointTextFrom('First part\n\nSecond part')).toBe('First part')
  })

  it('copies as Markdown with the points in order, escaped', async () => {
    const { therapist } = seed(vault)
    vault.clock.set(TUESDAY - DAY)
    vault.core.talkingPoints.create({ text: 'Use *stars* and # hashes', priority: 'high', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
    await call(vault, 'sessionPrep.open', { therapistId: null })
    const { markdown } = await call<{ markdown: string }>(vault, 'sessionPrep.briefMarkdown', { therapistId: therapist.id, timeZone: ZONE, locale: 'en-GB' })
    expect(markdown).toContain('# For my session on Tuesday 10 March at 17:00')
    expect(markdown).toContain('With Dr Amara Rao')
    expect(markdown).toContain('1. Use \\*stars\\* and \\# hashes (Important)')
    expect(markdown).toContain('2. Sunday calls with my sister')
    expect(markdown).toContain('- [ ] Close the laptop at 8pm (In progress)')
    expect(markdown).not.toContain('!')
  })

  it('escapes the person’s words in the HTML and loads nothing', () => {
    const html = briefHtml(
      buildBrief(
        { lastSession: null, nextSession: null, toReview: null, since: null, talkingPoints: [], gathered: 0, moods: [], drafts: [], unanswered: [] },
        { timeZone: ZONE, locale: 'en-GB', therapistName: '<b>Dr</b>', now: TUESDAY },
      ),
      'en-GB',
    )
    expect(html).toContain('With &lt;b&gt;Dr&lt;/b&gt;')
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|src=|href=/)
  })
})

const skip = pdfSkipReason()
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')
describe.skipIf(skip !== null)('sessionPrep.briefPdf (Chromium page.pdf as the PdfRenderer)', () => {
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>>
  let out: string
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer()
    out = makeTempDir('between-brief-')
  }, 60_000)
  afterAll(async () => {
    await renderer?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it('writes a one-page PDF with the talking points where the dialog said', async () => {
    const dialogs = fakeDialogs({ save: join(out, 'brief.pdf') })
    const v = await createTestVault({ dialogs, pdfRenderer: renderer })
    try {
      seed(v)
      v.clock.set(TUESDAY - DAY)
      v.core.talkingPoints.create({ text: 'Tea & <toast> with "friends"', priority: 'normal', position: 0, targetSessionId: null, sourceReflectionId: null, sourceDraftId: null, status: 'open' })
      await call(v, 'sessionPrep.open', { therapistId: null })
      const result = await call(v, 'sessionPrep.briefPdf', { therapistId: null, timeZone: ZONE, locale: 'en-GB', confirmUnencrypted: true })
      expect(result).toEqual({ status: 'written', name: 'brief.pdf', files: 1, items: 2 })
      expect(dialogs.calls).toEqual([{ method: 'save', kind: 'pdf-export', suggestedName: 'between-session-brief-2026-03-09.pdf' }])
      expect(readFileSync(join(out, 'brief.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(renderer.requests).toEqual([])
      if (hasPoppler) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'brief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
        expect(text).toContain('Tea & <toast> with "friends"')
        expect(text).toContain('Sunday calls with my sister')
        expect(text).toContain('Close the laptop at 8pm')
        const pages = execFileSync('pdfinfo', [join(out, 'brief.pdf')], { encoding: 'utf8' })
        expect(pages).toMatch(/Pages:\s+1\b/)
      }
    } finally {
      v.cleanup()
    }
  }, 60_000)
})
