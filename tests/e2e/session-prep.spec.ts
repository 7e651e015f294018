import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPdfRenderer, fakeDialogs } from '../helpers/fake-ports'
import { expectNoSeriousA11yViolations } from './axe'
import { at, DAY, h1, openScreen, seedScenario, type Seeded } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

const POINTS = ['The guilt after the Sunday calls', 'Sunday evening worry', 'Ask about every other week after Easter']
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')

/** The "Next session" page against the real core: gathering, reordering, the brief, the review. */
describe.skipIf(e2eSkipReason())('Next session', () => {
  let app: E2EApp | undefined
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>> | undefined
  const out = mkdtempSync(join(tmpdir(), 'between-brief-e2e-'))
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer()
  }, 60_000)
  afterAll(async () => {
    await renderer?.close()
    rmSync(out, { recursive: true, force: true })
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  /** Sunday 15 March: last session Tuesday 10 (attended, with homework), next on Tuesday 17. */
  const launch = async (options: { now?: number; dialogs?: ReturnType<typeof fakeDialogs> } = {}) => {
    let seeded: Seeded | undefined
    app = await launchApp({
      now: options.now ?? at(15, 18),
      core: { dialogs: options.dialogs, pdfRenderer: renderer },
      beforeLoad: async ({ invoke, clock }) => {
        await clock.set(at(10, 9))
        // Scheduled now (Tuesday morning); marked attended once it has happened, below.
        seeded = await seedScenario(invoke)
        await invoke('sessions.update', {
          id: seeded.sessionId,
          patch: { homework: [{ text: 'Notice when the Sunday worry starts', status: 'doing' }] },
        })
        await clock.set(at(12, 20))
        await invoke('sessions.update', { id: seeded.sessionId, patch: { status: 'attended' } })
        await invoke('reflections.create', { body: POINTS[0] as string, mood: 2, tags: [], bringToSession: true })
        await clock.set(at(14, 21))
        await invoke('reflections.create', { body: `${POINTS[1]}\n\nIt starts around nine.`, mood: 3, tags: [], bringToSession: true })
        await invoke('reflections.create', { body: 'A quiet day.', mood: 3, tags: [] })
        await invoke('talkingPoints.create', { text: POINTS[2] as string, priority: 'low', position: 10 })
        await invoke('contacts.create', {
          therapistId: seeded.therapistId,
          direction: 'sent',
          channel: 'email',
          purpose: 'question',
          at: at(14, 21),
          summary: 'Is the worksheet for this week or next?',
        })
        await clock.set(options.now ?? at(15, 18))
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Next session')
    return { app, seeded: seeded as Seeded }
  }

  const pointTexts = (a: E2EApp) => a.page.locator('[data-testid="talking-point"] .point__text').allInnerTexts()
  const corePoints = async (a: E2EApp) =>
    (await a.invoke('talkingPoints.list', { status: null, targetSessionId: null }))
      .filter((p) => p.status === 'open' || p.status === 'carried_over')
      .map((p) => p.text)

  it('gathers flagged reflections and shows homework, mood and open questions', async () => {
    const { app } = await launch()
    const { page } = app
    await page.getByText('2 flagged reflections were added to the list.').waitFor()
    expect(await pointTexts(app)).toEqual([POINTS[2], POINTS[0], POINTS[1]])
    expect(await page.locator('.page__intro').innerText()).toContain('with Dr Amara Rao')
    await page.getByText('Notice when the Sunday worry starts', { exact: true }).waitFor()
    await page.getByText('From 3 reflections: okay twice, low once.').waitFor()
    await page.getByText('Is the worksheet for this week or next?').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'next session' })
  })

  it('reorders talking points with Alt+arrow keys, announces each move, and saves the order', async () => {
    const { app } = await launch()
    const { page } = app
    await page.getByText('2 flagged reflections were added to the list.').waitFor()
    const handle = page.getByRole('button', { name: /^Reorder “Ask about every other week/ })
    await handle.focus()
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByText(`Moved “${POINTS[2]}” to position 2 of 3.`).waitFor()
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByText(`Moved “${POINTS[2]}” to position 3 of 3.`).waitFor()
    // Focus stays with the moved item, so the moves can go on.
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toMatch(/^Reorder “Ask about every other week/)
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByText(`“${POINTS[2]}” is already last.`).waitFor()
    await page.getByRole('button', { name: /^Reorder “The guilt/ }).focus()
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByText(`Moved “${POINTS[0]}” to position 2 of 3.`).waitFor()
    expect(await pointTexts(app)).toEqual([POINTS[1], POINTS[0], POINTS[2]])
    await expect.poll(() => corePoints(app)).toEqual([POINTS[1], POINTS[0], POINTS[2]])
    // The live region is polite for the page and assertive for moves: it exists once.
    expect(await page.locator('[aria-live="assertive"]').count()).toBe(1)

    // Dragging works too.
    const from = await page.locator('[data-testid="talking-point"] .point__handle').nth(2).boundingBox()
    const to = await page.locator('[data-testid="talking-point"]').nth(0).boundingBox()
    if (!from || !to) throw new Error('talking points not laid out')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 20, from.y - 10, { steps: 5 })
    await page.mouse.move(to.x + 60, to.y + to.height / 2, { steps: 10 })
    await page.mouse.up()
    await page.getByText(`Moved “${POINTS[2]}” to position 1 of 3.`).waitFor()
    await expect.poll(() => corePoints(app)).toEqual([POINTS[2], POINTS[1], POINTS[0]])
  })

  it('saves a one-page PDF brief with the talking points, and copies it as Markdown', async () => {
    const dialogs = fakeDialogs({ save: join(out, 'brief.pdf') })
    const { app } = await launch({ dialogs })
    const { page } = app
    await page.getByText('2 flagged reflections were added to the list.').waitFor()
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Save the brief as a PDF?' })
    expect(await confirm.innerText()).toContain('This file will not be encrypted.')
    await expectNoSeriousA11yViolations(page, { screen: 'brief: not encrypted' })
    await confirm.getByRole('button', { name: 'Choose where to save' }).click()
    await page.getByText('Saved brief.pdf.').waitFor()
    const pdf = join(out, 'brief.pdf')
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(renderer?.requests).toEqual([])
    if (hasPoppler) {
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
      expect(info).toMatch(/Pages:\s+1\b/)
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      expect(text).toContain('For my session on Tuesday 17 March')
      expect(text).toContain('With Dr Amara Rao')
      for (const point of POINTS) expect(text).toContain(point)
      expect(text).toContain('Notice when the Sunday worry starts')
      expect(text).toContain('Is the worksheet for this week or next?')
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'brief')])
      expect(statSync(join(out, 'brief.png')).size).toBeGreaterThan(5_000)
      if (process.env.BETWEEN_KEEP_BRIEF) execFileSync('cp', [join(out, 'brief.png'), process.env.BETWEEN_KEEP_BRIEF])
    }

    await page.getByRole('button', { name: 'Copy as Markdown' }).click()
    await page.getByText('Copied as Markdown.').waitFor()
    expect(app.shell.clipboard).toContain('# For my session on Tuesday 17 March')
    expect(app.shell.clipboard).toContain(`1. ${POINTS[2]} (If there is time)`)
    expect(app.shell.clipboard).toContain('- [ ] Notice when the Sunday worry starts (In progress)')
  })

  it('after the session: marks points discussed, carries the rest over, and closes the session', async () => {
    // Tuesday 17 March, 19:00: the session has happened and is waiting for its review.
    const { app } = await launch({ now: at(17, 19) })
    const { page } = app
    await page.getByRole('heading', { name: /After your session on Tuesday 17 March/ }).waitFor()
    await page.getByRole('button', { name: 'Review the session' }).click()
    await page.getByRole('heading', { name: /Your session on Tuesday 17 March/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'session review' })
    await page.getByRole('group', { name: POINTS[0] }).getByRole('radio', { name: 'Talked about it' }).check()
    await page.getByLabel('Notes').fill('We looked at the Sunday calls.')
    await page.getByLabel('Takeaways').fill('Shorter calls are allowed.')
    await page.getByLabel('Homework 1').fill('Try a twenty minute call')
    await page.getByLabel(/How it went: Notice when the Sunday worry starts/).selectOption('done')
    await page.getByRole('button', { name: 'Save and close this session' }).click()
    await page.getByText(/The session is closed on your timeline/).waitFor()

    const sessions = await app.invoke('sessions.list', {})
    const reviewed = sessions.find((s) => s.startsAt === at(17, 17))
    expect(reviewed).toMatchObject({ status: 'attended', notes: 'We looked at the Sunday calls.', takeaways: 'Shorter calls are allowed.' })
    expect(reviewed?.homework.map((h) => h.text)).toEqual(['Try a twenty minute call'])
    expect(sessions.find((s) => s.startsAt === at(10, 17))?.homework[0]?.status).toBe('done')
    const all = await app.invoke('talkingPoints.list', { status: null, targetSessionId: null })
    expect(all.find((p) => p.text === POINTS[0])).toMatchObject({ status: 'discussed', targetSessionId: reviewed?.id })
    expect(all.filter((p) => p.status === 'carried_over').map((p) => p.text).sort()).toEqual([POINTS[1], POINTS[2]].sort())
    // The page now prepares for the session after: the carried points are still there.
    await expect.poll(() => pointTexts(app)).toEqual(expect.arrayContaining([POINTS[1], POINTS[2]]))
    expect(await page.getByRole('button', { name: 'Review the session' }).count()).toBe(0)
    void DAY
  })
})
