import { afterEach, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { at, h1, openScreen, seedScenario, type Seeded } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/**
 * Ready to contact?, end to end: the renderer fetches the check's inputs from the real core
 * (contactCheck.inputs) and asks the engine on each change; the actions write to the real vault.
 */
describe.skipIf(e2eSkipReason())('Ready to contact?', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  const launch = async (now: number, extra?: (seeded: Seeded, invoke: E2EApp['invoke']) => Promise<void>) => {
    let seeded: Seeded | undefined
    app = await launchApp({
      now,
      beforeLoad: async ({ invoke }) => {
        seeded = await seedScenario(invoke, { attended: true })
        await extra?.(seeded, invoke)
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Ready to contact?')
    return { app, seeded: seeded as Seeded }
  }

  const verdict = (a: E2EApp) => a.page.locator('.verdict-panel__headline')

  /** The answer's headline and its action lie wholly inside the window, wherever the page is scrolled. */
  const expectAnswerInView = async (a: E2EApp) => {
    const view = a.page.viewportSize()
    for (const selector of ['.verdict-panel__headline', '.verdict-panel__primary .btn']) {
      const box = await a.page.locator(selector).first().boundingBox()
      expect(box && view && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 0.5 && box.y + box.height <= view.height + 0.5, `${selector} in view`).toBe(true)
    }
  }

  it('seed scenario: a thank-you text on Tuesday evening waits; a significant event on Wednesday can go now', async () => {
    const { app } = await launch(at(10, 19, 30))
    const { page } = app
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Text message/ }).check()
    await page.getByLabel(/^Your message/).fill('Thank you for today, it helped.')
    await expect.poll(() => verdict(app).innerText()).toBe('This can wait until Monday 09:00.')
    await expectAnswerInView(app)
    const lines = page.locator('.check-line')
    expect(await lines.count()).toBe(2)
    expect(await lines.nth(0).innerText()).toContain('You agreed on 3 March: “A few days after a session, unless it is a specific concern or something big happens.”')
    expect(await lines.nth(0).innerText()).toContain('Not yet')
    await page.getByRole('button', { name: /Save as a draft and remind me on Monday/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'ready to contact (wait until)' })

    // Wednesday 10:00: a significant event, by phone, inside contact hours.
    await app.clock.set(at(11, 10))
    await page.getByRole('radio', { name: /^A significant event/ }).check()
    await page.getByRole('radio', { name: /^Phone call/ }).check()
    await expect.poll(() => verdict(app).innerText()).toBe('This fits what you agreed. You can send it when you are ready.')
    await expectAnswerInView(app)
    expect(await page.locator('.check-line .tag').allInnerTexts()).toEqual(['Fits', 'Fits'])
    await page.getByRole('button', { name: 'Log the call' }).click()
    await page.getByText('Logged. It is on your timeline.').waitFor()
    const [contact] = await app.invoke('contacts.list', { since: null, limit: 10 })
    expect(contact).toMatchObject({ direction: 'sent', channel: 'phone', purpose: 'significant_event', overriddenRuleIds: [] })
    await expectNoSeriousA11yViolations(page, { screen: 'ready to contact (send)' })
  })

  it('a channel agreement points to the portal, and one click switches to it', async () => {
    const { app } = await launch(at(16, 10), async (seeded, invoke) => {
      await invoke('rules.create', {
        therapistId: seeded.therapistId,
        severity: 'block',
        agreementText: 'Updates through the portal, please, not by text.',
        agreedOn: at(3, 12),
        reviewBy: null,
        active: true,
        body: { kind: 'channel_for_purpose', params: { allowed: [{ purposes: ['update', 'question'], channels: ['portal'] }], never: [] } },
      })
    })
    const { page } = app
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Text message/ }).check()
    await expect.poll(() => verdict(app).innerText()).toBe('This would fit better as a portal message.')
    await expectAnswerInView(app)
    expect(await page.locator('.check-line', { hasText: 'Which way for what' }).innerText()).toContain('Updates through the portal, please, not by text.')
    await expectNoSeriousA11yViolations(page, { screen: 'ready to contact (use the portal)' })
    await page.getByRole('button', { name: 'Use the portal instead' }).click()
    expect(await page.getByRole('radio', { name: /^Patient portal/ }).isChecked()).toBe(true)
    await expect.poll(() => verdict(app).innerText()).toBe('This fits what you agreed. You can send it when you are ready.')
    await expectAnswerInView(app)
  })

  it('send anyway is always there, and logs the agreements it went against', async () => {
    const { app, seeded } = await launch(at(10, 19, 30))
    const { page } = app
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Text message/ }).check()
    await page.getByLabel(/^Your message/).fill('Thank you for today, it helped.')
    await expect.poll(() => verdict(app).innerText()).toMatch(/^This can wait until/)
    await expectAnswerInView(app)
    await page.getByRole('button', { name: 'Send anyway' }).click()
    const panel = page.locator('#send-anyway')
    expect(await panel.innerText()).toContain('That is your decision to make.')
    expect(await panel.innerText()).not.toMatch(/!|should|must/i)
    await expectNoSeriousA11yViolations(page, { screen: 'ready to contact (send anyway)' })
    await panel.getByRole('button', { name: 'Copy the message and log it as sent' }).click()
    await page.getByText(/Copied and logged as sent/).waitFor()
    expect(app.shell.clipboard).toBe('Thank you for today, it helped.')
    const contacts = await app.invoke('contacts.list', { since: null, limit: 10 })
    expect(contacts).toHaveLength(1)
    expect(contacts[0]).toMatchObject({ direction: 'sent', channel: 'text', purpose: 'update', summary: 'Thank you for today, it helped.' })
    expect([...(contacts[0]?.overriddenRuleIds ?? [])].sort()).toEqual([seeded.bufferId, seeded.hoursId].sort())
  })

  it('opens the message in the mail app with the recorded address, and logs it once sent', async () => {
    const { app } = await launch(at(16, 10))
    const { page } = app
    await page.getByRole('radio', { name: /^Scheduling/ }).check()
    await page.getByRole('radio', { name: /^Email/ }).check()
    await page.getByLabel(/^Your message/).fill('Could we move next week to Wednesday?')
    await expect.poll(() => verdict(app).innerText()).toMatch(/^This fits/)
    await expectAnswerInView(app)
    await page.getByRole('button', { name: 'Open it in your mail app' }).click()
    await page.getByText(/Opened in your mail app/).waitFor()
    expect(app.shell.opened).toEqual(['mailto:amara.rao@riverside.example?body=Could%20we%20move%20next%20week%20to%20Wednesday%3F'])
    await page.getByRole('button', { name: 'Log it as sent', exact: true }).click()
    await page.getByText('Logged. It is on your timeline.').waitFor()
    expect(await app.invoke('contacts.list', { since: null, limit: 10 })).toHaveLength(1)
  })

  it('saves a draft with a reminder at the end of the wait, and logs a reply', async () => {
    const { app } = await launch(at(10, 19, 30))
    const { page } = app
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Text message/ }).check()
    await page.getByLabel(/^Your message/).fill('Thank you for today.')
    await page.getByRole('button', { name: /Save as a draft and remind me on Monday/ }).click()
    await page.getByText(/Saved as a draft. Between will remind you on Monday/).waitFor()
    const [draft] = await app.invoke('drafts.list', {})
    expect(draft).toMatchObject({ body: 'Thank you for today.', remindAt: at(16, 9) })

    await page.getByRole('button', { name: 'Log a reply I received' }).click()
    const dialog = page.getByRole('dialog', { name: 'Log a reply' })
    await dialog.getByLabel(/What they said/).fill('She said thanks, see you next week.')
    await expectNoSeriousA11yViolations(page, { screen: 'log a reply' })
    await dialog.getByRole('button', { name: 'Log reply' }).click()
    await page.getByText('Reply logged.').waitFor()
    const [reply] = await app.invoke('contacts.list', { since: null, limit: 10 })
    expect(reply).toMatchObject({ direction: 'received', summary: 'She said thanks, see you next week.' })
  })

  it('parks a message as a talking point, and it is on the next session page', async () => {
    const { app, seeded } = await launch(at(11, 10))
    const { page } = app
    await page.getByRole('radio', { name: /^A question about the work/ }).check()
    await page.getByRole('radio', { name: /^Email/ }).check()
    await page.getByLabel(/^Your message/).fill('Why do Sunday evenings feel heavier than the rest of the week?')
    await expect.poll(() => verdict(app).innerText()).toMatch(/^This can wait/)
    await expectAnswerInView(app)
    await page.getByRole('button', { name: 'Turn it into a talking point' }).click()
    await page.getByText('Added to your talking points for the next session.').waitFor()
    await page.getByRole('button', { name: 'See the next session' }).click()
    await h1(app, 'Next session')
    await page.getByText('Why do Sunday evenings feel heavier than the rest of the week?').waitFor()
    await page.getByText('From a message you parked').waitFor()
    const points = await app.invoke('talkingPoints.list', { status: 'open', targetSessionId: null })
    expect(points.map((p) => p.text)).toEqual(['Why do Sunday evenings feel heavier than the rest of the week?'])
    expect(points[0]?.sourceDraftId).not.toBeNull()
    void seeded
  })

  it('“I feel unsafe” shows the crisis plan first, full screen, with large call links', async () => {
    const { app } = await launch(at(10, 23), async (_seeded, invoke) => {
      await invoke('crisisPlan.save', {
        warningSigns: ['Not sleeping for days'],
        copingStrategies: ['Cold water on my face', 'Walk round the block'],
        helpers: [{ name: 'Mira', phone: '07700 900456' }],
        crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }],
        emergencyNumber: '999',
        reasonsToLive: ['My nephew'],
      })
    })
    const { page } = app
    await page.getByRole('button', { name: 'I feel unsafe right now' }).click()
    const view = page.getByRole('dialog', { name: 'Your crisis plan' })
    await view.waitFor()
    // Focus is on the plan's heading, and nothing behind it can be reached.
    expect(await page.evaluate('document.activeElement?.id')).toBe('crisis-view-title')
    const calls = view.locator('.crisis-call')
    expect(await calls.count()).toBe(2)
    expect(await calls.nth(0).getAttribute('href')).toBe('tel:999')
    expect(await calls.nth(1).getAttribute('href')).toBe('tel:116123')
    expect(await view.getByRole('link', { name: /Mira/ }).getAttribute('href')).toBe('tel:07700900456')
    expect(await view.innerText()).toContain('Cold water on my face')
    await expectNoSeriousA11yViolations(page, { screen: 'crisis view' })
    await calls.nth(1).click()
    await expect.poll(() => app.shell.opened).toEqual(['tel:116123'])
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'hidden' })
    expect(await page.getByRole('button', { name: 'I feel unsafe right now' }).isVisible()).toBe(true)
  })
})
