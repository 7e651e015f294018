import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs } from '../helpers/fake-ports'
import { expectNoSeriousA11yViolations } from './axe'
import { at, h1, openScreen, seedScenario } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/** The agreements screen's "How we keep in touch between sessions" sheet: copy it, or save it as a PDF. */
describe.skipIf(e2eSkipReason())('How we keep in touch between sessions', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('copies the sheet with the questions, what is written down and what is due for review; the PDF asks first', async () => {
    const dialogs = fakeDialogs()
    // 10 June: the seed's buffer agreement (review by 1 June) is due for another look.
    app = await launchApp({ now: at(10, 12) + 92 * 86_400_000, core: { dialogs }, beforeLoad: async ({ invoke }) => void (await seedScenario(invoke)) })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Agreements')
    const { page } = app
    const sheet = page.locator('.card', { hasText: 'How we keep in touch between sessions' })
    await sheet.getByRole('button', { name: 'Copy as Markdown' }).click()
    await page.getByText('Copied as Markdown.').waitFor()
    const text = app.shell.clipboard ?? ''
    expect(text).toContain('# How we keep in touch between sessions')
    expect(text).toContain('With Dr Amara Rao')
    expect(text).toContain('## 4. What counts as urgent?')
    expect(text).toContain('- You agreed on 3 March: “A few days after a session, unless it is a specific concern or something big happens.”')
    expect(text.split('## Agreements to look at again')[1]).toContain('(Planned to look at again by 1 June 2026)')

    await sheet.getByRole('button', { name: 'Save as PDF' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Save the sheet as a PDF?' })
    expect(await confirm.innerText()).toContain('This file will not be encrypted.')
    await expectNoSeriousA11yViolations(page, { screen: 'agreements sheet: not encrypted' })
    await confirm.getByRole('button', { name: 'Choose where to save' }).click()
    // The person closed the save dialog: nothing written, and said so.
    await page.getByText('Nothing saved.').waitFor()
    expect(dialogs.calls).toEqual([{ method: 'save', kind: 'pdf-export', suggestedName: 'between-keeping-in-touch-2026-06-10.pdf' }])
  })
})
