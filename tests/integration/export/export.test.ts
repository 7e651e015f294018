import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fillDataset } from '../../../bench/dataset'
import { exportDocumentSchema } from '../../../src/main/core/export/export-document'
import { escapeHtml } from '../../../src/main/core/export/printable-html'
import { writeReportHtml } from '../../../src/main/core/export/report-html'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { filesContaining } from '../../helpers/data-dir'
import { chromiumPdfRenderer, fakeDialogs, pdfSkipReason, type FakeDialogs } from '../../helpers/fake-ports'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

const CANARY = 'canaryEx9Pq4'
const ZONE = 'Europe/London'

let vault: TestVault
let dialogs: FakeDialogs
let out: string

beforeEach(async () => {
  dialogs = fakeDialogs()
  vault = await createTestVault({ dialogs })
  out = makeTempDir('between-export-out-')
})
afterEach(() => {
  vault.cleanup()
  rmSync(out, { recursive: true, force: true })
})

const ranged = { confirmUnencrypted: true, timeZone: ZONE, locale: 'en-GB' } as const

describe('JSON export', () => {
  it('writes everything, versioned and valid, only where the dialog said', async () => {
    const written = writeOneOfEverything(vault.core, CANARY)
    dialogs.answers.save = join(out, 'mine.json')
    const result = await dispatch(vault.handlers, 'export.json', { confirmUnencrypted: true })
    expect(result).toEqual({ ok: true, value: { status: 'written', name: 'mine.json', files: 1, items: 9 } })
    expect(dialogs.calls).toEqual([{ method: 'save', kind: 'json-export', suggestedName: 'between-export-2026-03-03.json' }])

    const document = exportDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'mine.json'), 'utf8')))
    expect(document.format).toBe('between-export')
    expect(document.version).toBe(1)
    expect(document.data.reflections).toEqual([written.reflection])
    expect(document.data.sessions).toEqual([written.session])
    expect(document.data.rules[0]?.versions).toHaveLength(1)
    expect(document.data.crisisPlan?.reasonsToLive).toEqual([`reason ${CANARY}`])
    expect(document.data.tags).toEqual(['sleep', `tag${CANARY}`])

    // Plaintext exactly where asked: the chosen file, nowhere in the vault folder, no temp left.
    expect(readdirSync(out)).toEqual(['mine.json'])
    expect(filesContaining(out, CANARY)).toEqual(['mine.json'])
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
  })

  it('needs the unencrypted-file confirmation, and a cancelled dialog writes nothing', async () => {
    const refused = await dispatch(vault.handlers, 'export.json', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'confirmUnencrypted' } })
    expect(dialogs.calls).toEqual([])

    const result = await dispatch(vault.handlers, 'export.json', { confirmUnencrypted: true })
    expect(result).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(readdirSync(out)).toEqual([])
  })

  it('streams a vault of several pages to exactly the bytes of the whole document serialized at once', async () => {
    writeOneOfEverything(vault.core, CANARY)
    fillDataset(vault.core.vault.db(), { reflections: 2_500, contacts: 1_200, rules: 3 })
    dialogs.answers.save = join(out, 'big.json')
    const result = await dispatch(vault.handlers, 'export.json', { confirmUnencrypted: true })
    expect(result).toMatchObject({ ok: true, value: { status: 'written', name: 'big.json' } })

    const text = readFileSync(join(out, 'big.json'), 'utf8')
    const document = exportDocumentSchema.parse(JSON.parse(text))
    expect(document.data.reflections).toHaveLength(2_501)
    expect(document.data.contacts).toHaveLength(1_201)
    expect(document.data.reflections.map((r) => r.id)).toEqual(document.data.reflections.map((r) => r.id).sort())
    // What the export wrote a page at a time is what serializing the parsed document whole gives.
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`)
  })

  it('a locked vault asks for no path and writes nothing', async () => {
    vault.core.lock('manual')
    dialogs.answers.save = join(out, 'x.json')
    const result = await dispatch(vault.handlers, 'export.json', { confirmUnencrypted: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    expect(dialogs.calls).toEqual([])
    expect(readdirSync(out)).toEqual([])
  })
})

describe('Markdown export', () => {
  it('one file per session and reflection, with front matter, in a new subfolder', async () => {
    const written = writeOneOfEverything(vault.core, CANARY)
    dialogs.answers.folder = out
    const result = await dispatch(vault.handlers, 'export.markdownFolder', ranged)
    expect(result).toEqual({ ok: true, value: { status: 'written', name: 'Between export 2026-03-03', files: 2, items: 2 } })
    const folder = join(out, 'Between export 2026-03-03')
    const files = readdirSync(folder).sort()
    expect(files).toHaveLength(2)
    const sessionName = files.find((name) => name.includes('-session-')) as string
    const reflectionName = files.find((name) => name.includes('-reflection-')) as string
    expect(sessionName).toMatch(/^2026-03-02-1700-session-[0-9a-f]{8}\.md$/)
    expect(reflectionName).toMatch(/^2026-03-03-0900-reflection-[0-9a-f]{8}\.md$/)

    const reflection = readFileSync(join(folder, reflectionName), 'utf8')
    expect(reflection).toBe(
      [
        '---',
        'type: "reflection"',
        `id: "${written.reflection.id}"`,
        'date: "2026-03-03T09:00:00+00:00"',
        `time_zone: "${ZONE}"`,
        'mood: 3',
        `tags: ["sleep","tag${CANARY}"]`,
        `session: "${written.session.id}"`,
        'bring_to_session: true',
        'updated: "2026-03-03T09:00:00.000Z"',
        '---',
        '',
        `reflection ${CANARY}`,
        '',
      ].join('\n'),
    )
    const session = readFileSync(join(folder, sessionName), 'utf8')
    expect(session).toContain('date: "2026-03-02T17:00:00+00:00"')
    expect(session).toContain(`therapist: "Dr ${CANARY}"`)
    expect(session).toContain(`## Notes\n\nnotes ${CANARY}`)
    expect(session).toContain(`## Homework\n\n- [ ] homework ${CANARY}`)

    // A second export never replaces the first.
    await dispatch(vault.handlers, 'export.markdownFolder', ranged)
    expect(readdirSync(out).sort()).toEqual(['Between export 2026-03-03', 'Between export 2026-03-03 (2)'])
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
  })

  it('front matter stays valid YAML whatever the text holds', async () => {
    vault.core.reflections.create({ body: 'x', tags: ['quote " and \\ backslash', 'colon: yes'], mood: null, sessionId: null, bringToSession: false })
    dialogs.answers.folder = out
    await dispatch(vault.handlers, 'export.markdownFolder', ranged)
    const folder = join(out, 'Between export 2026-03-03')
    const text = readFileSync(join(folder, readdirSync(folder)[0] as string), 'utf8')
    const tagsLine = text.split('\n').find((line) => line.startsWith('tags: ')) as string
    expect(JSON.parse(tagsLine.slice('tags: '.length))).toEqual(['colon: yes', 'quote " and \\ backslash'])
  })

  it('one document for a date range holds what is inside it and nothing outside', async () => {
    vault.clock.set(Date.UTC(2026, 0, 10, 8))
    vault.core.reflections.create({ body: 'january words', tags: [], mood: 2, sessionId: null, bringToSession: false })
    vault.clock.set(Date.UTC(2026, 1, 10, 8))
    vault.core.reflections.create({ body: 'february words', tags: ['work'], mood: 4, sessionId: null, bringToSession: false })
    vault.clock.set(Date.UTC(2026, 1, 13, 8)) // after the session: it can be attended
    vault.core.sessions.create({
      therapistId: null,
      startsAt: Date.UTC(2026, 1, 12, 17),
      timeZone: ZONE,
      durationMinutes: 50,
      format: 'video',
      status: 'attended',
      notes: 'february session notes',
      moodBefore: null,
      moodAfter: 4,
      takeaways: '',
      homework: [],
    })
    dialogs.answers.save = join(out, 'feb.md')
    const result = await dispatch(vault.handlers, 'export.markdownDocument', {
      ...ranged,
      from: Date.UTC(2026, 1, 1),
      to: Date.UTC(2026, 2, 1),
    })
    expect(result).toEqual({ ok: true, value: { status: 'written', name: 'feb.md', files: 1, items: 2 } })
    const text = readFileSync(join(out, 'feb.md'), 'utf8')
    expect(text).toContain('1 February 2026 to 28 February 2026')
    expect(text).toContain('february words')
    expect(text).toContain('- Tags: work')
    expect(text).toContain('february session notes')
    expect(text).not.toContain('january words')
    expect(text.indexOf('february words')).toBeLessThan(text.indexOf('february session notes'))
  })

  it('one document over several pages of reflections keeps every item, in time order, tidy', async () => {
    const dataset = fillDataset(vault.core.vault.db(), { reflections: 2_500, contacts: 300, rules: 0 })
    dialogs.answers.save = join(out, 'all.md')
    const result = await dispatch(vault.handlers, 'export.markdownDocument', { ...ranged, from: null, to: null })
    const items = dataset.sessions + 2_500 + 300
    expect(result).toEqual({ ok: true, value: { status: 'written', name: 'all.md', files: 1, items } })
    const text = readFileSync(join(out, 'all.md'), 'utf8')
    const headings = text.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toHaveLength(items)
    expect(headings.filter((line) => line.startsWith('## Reflection: '))).toHaveLength(2_500)
    expect(text).not.toMatch(/\n{3}/)
    expect(text).toMatch(/\S\n$/)
  })

  it('refuses a range that ends before it starts', async () => {
    const result = await dispatch(vault.handlers, 'export.markdownDocument', { ...ranged, from: 10, to: 5 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'to' } })
  })
})

describe('report HTML', () => {
  it('escapes every piece of text and loads nothing', () => {
    const reflection = { id: '0195a0b0-0000-7000-8000-000000000001', body: '<script>alert(1)</script><img src="https://example.org/x.png">', mood: null, tags: ['<b>'], sessionId: null, bringToSession: false, createdAt: 0, updatedAt: 0 }
    const pieces: string[] = []
    writeReportHtml(
      [{ at: 0, kind: 'reflection', item: reflection }],
      { therapistNames: new Map(), reflectionZones: new Map() },
      { sessions: 0, reflections: 1, contacts: 0 },
      { from: null, to: null },
      { timeZone: 'UTC', locale: 'en-GB' },
      0,
      (piece) => pieces.push(piece),
    )
    const html = pieces.join('')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'))
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<[^>]+\s(src|href)=/i)
  })
})

const skip = pdfSkipReason()
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (skip) console.log(`PDF export test skipped: ${skip}`)
if (!hasPdftotext) console.log('PDF text check skipped: pdftotext (Debian poppler-utils) is not installed')

describe.skipIf(skip !== null)('PDF export (Chromium page.pdf as the PdfRenderer)', () => {
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>>
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer()
  }, 60_000)
  afterAll(async () => renderer?.close())

  it('writes a PDF whose text holds the sessions and reflections of the range', async () => {
    const pdfDialogs = fakeDialogs({ save: join(out, 'report.pdf') })
    const pdfVault = await createTestVault({ dialogs: pdfDialogs, pdfRenderer: renderer })
    try {
      writeOneOfEverything(pdfVault.core, CANARY)
      pdfVault.core.reflections.create({ body: 'Tea & <toast> with "friends"', tags: [], mood: 5, sessionId: null, bringToSession: false })
      // Midnights in London: 1 March (GMT) to 1 April (BST).
      const result = await dispatch(pdfVault.handlers, 'export.pdf', { ...ranged, from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 31, 23) })
      expect(result).toEqual({ ok: true, value: { status: 'written', name: 'report.pdf', files: 1, items: 4 } })
      const bytes = readFileSync(join(out, 'report.pdf'))
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(renderer.requests).toEqual([])
      expect(filesContaining(pdfVault.dir, CANARY)).toEqual([])
      if (hasPdftotext) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
        expect(text).toContain('Between: sessions and reflections')
        expect(text).toContain('1 March 2026 to 31 March 2026')
        expect(text).toContain(`reflection ${CANARY}`)
        expect(text).toContain(`notes ${CANARY}`)
        expect(text).toContain(`homework ${CANARY}`)
        expect(text).toContain(`summary ${CANARY}`)
        expect(text).toContain(`With: Dr ${CANARY}`)
        expect(text).toContain('Tea & <toast> with "friends"')
        expect(text).toContain('1 session, 2 reflections, 1 contact')
      }
    } finally {
      pdfVault.cleanup()
    }
    expect(existsSync(join(out, 'report.pdf'))).toBe(true)
  }, 60_000)
})
