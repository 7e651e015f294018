import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { chromiumPdfRenderer, fakeDialogs, pdfSkipReason } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

/**
 * "How we keep in touch between sessions" (issue 15, point 8): the starter questions with what is
 * written down so far, the agreements past their review date; and the session brief listing the
 * agreements due for review by the session.
 */
const ZONE = 'Europe/London'
const DAY = 86_400_000
// Monday 9 March 2026, 10:00 London (GMT).
const MONDAY = Date.UTC(2026, 2, 9, 10)

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

async function call<T = unknown>(v: TestVault, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(v.handlers, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`)
  return result.value as T
}

function seed(v: TestVault) {
  const { core, clock } = v
  clock.set(MONDAY - 30 * DAY)
  const therapist = core.therapists.create({ name: 'Dr Amara Rao', pronouns: '', practice: '', timeZone: ZONE, channels: [] })
  const common = { therapistId: therapist.id, severity: 'block', agreedOn: Date.UTC(2026, 1, 3, 12), active: true } as const
  core.rules.create({
    ...common,
    agreementText: 'A couple of days after a session, unless it is *urgent*.',
    reviewBy: Date.UTC(2026, 2, 1),
    body: { kind: 'buffer_after_session', params: { hours: 48, exemptPurposes: ['concern'] } },
  })
  core.rules.create({
    ...common,
    agreementText: '',
    reviewBy: Date.UTC(2026, 2, 12),
    body: { kind: 'contact_hours', params: { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }], exemptPurposes: [], exemptChannels: [] } },
  })
  core.rules.create({ ...common, agreementText: 'Long messages go in the portal.', reviewBy: null, body: { kind: 'length_cap', params: { maxChars: 500, channels: ['text'], alternatives: ['portal'] } } })
  core.sessions.create({ therapistId: therapist.id, startsAt: MONDAY + DAY + 7 * 3_600_000, timeZone: ZONE, durationMinutes: 50, format: 'in_person', status: 'scheduled', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
  core.starterAnswers.save({
    therapistId: therapist.id,
    answers: [
      { questionId: 'buffer', answer: 'I would like to wait a day, unless it feels urgent.' },
      { questionId: 'urgent', answer: 'A concern, or something big happening. When I cannot sleep for worrying.' },
    ],
  })
  clock.set(MONDAY)
  return { therapist }
}

describe('the agreements sheet', () => {
  it('copies as Markdown: the six questions with what is written down so far, room to agree, and what is past its review date', async () => {
    const { therapist } = seed(vault)
    const { markdown } = await call<{ markdown: string }>(vault, 'sessionPrep.agreementsSheetMarkdown', { therapistId: therapist.id, timeZone: ZONE, locale: 'en-GB' })
    expect(markdown).toContain('# How we keep in touch between sessions')
    expect(markdown).toContain('With Dr Amara Rao')
    expect(markdown).toContain('## 1. How soon after a session is it okay to get in touch?')
    // What the person answered in the walk-through, then what is on record for that question.
    expect(markdown).toContain(
      '## 1. How soon after a session is it okay to get in touch?\n\nWhat I have written down so far:\n\nI would like to wait a day, unless it feels urgent.\n\nWhat we have agreed so far:\n\n- You agreed on 3 February: “A couple of days after a session, unless it is \\*urgent\\*.”',
    )
    expect(markdown).toContain('## 4. What counts as urgent?\n\nWhat I have written down so far:\n\nA concern, or something big happening. When I cannot sleep for worrying.\n\nWhat we agree:')
    // An agreement on record is not shown as the person's answer.
    expect(markdown).toMatch(/## 2\. Which days and hours are for contact\?\n\nWhat I have written down so far:\n\nNothing yet\.\n\nWhat we have agreed so far:\n\n- You agreed on 3 February to .*Monday to Friday/)
    // Nothing answered, nothing recorded for the reply question: room to write.
    expect(markdown).toMatch(/## 5\. How soon do they usually reply\?\n\nWhat I have written down so far:\n\nNothing yet\.\n\nWhat we agree:/)
    // Past its review date (1 March), and only that one (the hours are due on 12 March).
    const reviews = markdown.split('## Agreements to look at again')[1] ?? ''
    expect(reviews).toContain('A couple of days after a session')
    expect(reviews).toContain('(Planned to look at again by 1 March 2026)')
    expect(reviews).not.toContain('Monday to Friday')
    expect(markdown).not.toContain('!')
  })

  it('an unknown therapist is NOT_FOUND, before any dialog, and nothing is written', async () => {
    const dialogs = fakeDialogs({ save: join(makeTempDir('between-sheet-none-'), 'sheet.pdf') })
    const v = await createTestVault({ dialogs })
    try {
      const result = await dispatch(v.handlers, 'sessionPrep.agreementsSheetPdf', { therapistId: '0190f5a0-0000-7000-8000-000000000000', timeZone: ZONE, locale: 'en-GB', confirmUnencrypted: true })
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(dialogs.calls).toEqual([])
      const unconfirmed = await dispatch(v.handlers, 'sessionPrep.agreementsSheetPdf', { therapistId: '0190f5a0-0000-7000-8000-000000000000', timeZone: ZONE, locale: 'en-GB', confirmUnencrypted: false })
      expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(dialogs.calls).toEqual([])
    } finally {
      v.cleanup()
    }
  })
})

describe('the session brief', () => {
  it('lists the agreements due for review by the session', async () => {
    const { therapist } = seed(vault)
    const { markdown } = await call<{ markdown: string }>(vault, 'sessionPrep.briefMarkdown', { therapistId: therapist.id, timeZone: ZONE, locale: 'en-GB' })
    const reviews = markdown.split('## Agreements to look at again')[1]?.split('## Notes')[0] ?? ''
    // The session is on Tuesday 10 March: the buffer (1 March) is due; so is nothing after the session.
    expect(reviews).toContain('A couple of days after a session')
    expect(reviews).not.toContain('Monday to Friday')
    expect(reviews).not.toContain('Long messages')
  })
})

const skip = pdfSkipReason()
const hasPoppler = existsSync('/usr/bin/pdftotext')
describe.skipIf(skip !== null)('sessionPrep.agreementsSheetPdf (Chromium page.pdf as the PdfRenderer)', () => {
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>>
  let out: string
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer()
    out = makeTempDir('between-sheet-')
  }, 60_000)
  afterAll(async () => {
    await renderer?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it('writes the sheet as a PDF where the dialog said, loading nothing', async () => {
    const dialogs = fakeDialogs({ save: join(out, 'sheet.pdf') })
    const v = await createTestVault({ dialogs, pdfRenderer: renderer })
    try {
      const { therapist } = seed(v)
      const result = await call(v, 'sessionPrep.agreementsSheetPdf', { therapistId: therapist.id, timeZone: ZONE, locale: 'en-GB', confirmUnencrypted: true })
      expect(result).toEqual({ status: 'written', name: 'sheet.pdf', files: 1, items: 6 })
      expect(dialogs.calls).toEqual([{ method: 'save', kind: 'pdf-export', suggestedName: 'between-keeping-in-touch-2026-03-09.pdf' }])
      expect(readdirSync(out)).toEqual(['sheet.pdf'])
      expect(readFileSync(join(out, 'sheet.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(renderer.requests).toEqual([])
      if (hasPoppler) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
        expect(text).toContain('How we keep in touch between sessions')
        expect(text).toContain('What counts as urgent?')
        expect(text).toContain('Agreements to look at again')
        expect(execFileSync('pdfinfo', [join(out, 'sheet.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/)
      }
    } finally {
      v.cleanup()
    }
  }, 60_000)
})
