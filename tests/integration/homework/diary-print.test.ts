import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { chromiumPdfRenderer, fakeDialogs, pdfSkipReason } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir } from '../../helpers/test-vault'

const skip = pdfSkipReason()
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo')

describe.skipIf(skip !== null)('diaryCard.printWeek (Chromium page.pdf as the PdfRenderer)', () => {
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>>
  let out: string
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer()
    out = makeTempDir('between-diary-')
  }, 60_000)
  afterAll(async () => {
    await renderer?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it('prints the week like the paper card, on one page, the person’s text as text', async () => {
    const dialogs = fakeDialogs({ save: join(out, 'week.pdf') })
    const v = await createTestVault({ dialogs, pdfRenderer: renderer })
    try {
      for (const [day, note] of [['2026-03-02', 'Walk <b>by</b> the river & home'], ['2026-03-04', 'Rang coaching before']] as const) {
        v.core.diaryCard.saveDay({ day, timeZone: 'Europe/London', emotions: { Sadness: 3 }, urges: { 'Self-harm': 2 }, behaviours: { 'Self-harm': false }, skills: ['TIPP'], note })
      }
      const result = await dispatch(v.handlers, 'diaryCard.printWeek', { weekStart: '2026-03-02', locale: 'en-GB', confirmUnencrypted: true })
      expect(result).toEqual({ ok: true, value: { status: 'written', name: 'week.pdf', files: 1, items: 2 } })
      expect(dialogs.calls).toEqual([{ method: 'save', kind: 'pdf-export', suggestedName: 'between-diary-card-2026-03-02.pdf' }])
      expect(readFileSync(join(out, 'week.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(renderer.requests).toEqual([])
      if (hasPoppler) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'week.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
        expect(text).toContain('Walk <b>by</b> the river & home')
        expect(text).toContain('Radical acceptance')
        expect(text).toContain('Mon 2')
        expect(execFileSync('pdfinfo', [join(out, 'week.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/)
      }
      expect(await dispatch(v.handlers, 'diaryCard.printWeek', { weekStart: '2026-02-30', confirmUnencrypted: true })).toMatchObject({ ok: false, error: { field: 'weekStart' } })
    } finally {
      v.cleanup()
    }
  }, 60_000)
})
