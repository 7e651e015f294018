import { afterEach, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { at, DAY, h1, openScreen, PASSPHRASE, seedScenario, ZONE } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/** The agreements page against the real core: plain sentences, templates, history, reviews, absences. */
describe.skipIf(e2eSkipReason())('Agreements', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('walks through the common questions and turns the answers into agreements', async () => {
    app = await launchApp({
      now: at(10, 19),
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        await invoke('therapists.create', { name: 'Dr Amara Rao', practice: '', timeZone: ZONE, channels: [{ channel: 'email', address: 'a@r.example', label: '' }] })
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Agreements')
    const { page } = app
    await page.getByRole('heading', { name: 'No agreements written down yet' }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'agreements (empty)' })
    await page.getByRole('button', { name: 'Start with the common questions' }).click()

    const heading = (name: string) => page.getByRole('heading', { level: 2, name }).waitFor()
    await heading('How soon after a session is it okay to get in touch?')
    await expectNoSeriousA11yViolations(page, { screen: 'starter: buffer' })
    await page.getByRole('radio', { name: 'After two days' }).check()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await heading('Which days and hours are for contact?')
    await page.getByLabel('Until').fill('18:00')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await heading('Which way for what?')
    await page.getByRole('group', { name: 'Admin or billing' }).getByRole('checkbox', { name: 'Email', exact: true }).check()
    // Only the recorded way (email) at first; the rest on request.
    expect(await page.getByRole('group', { name: 'An update' }).getByRole('checkbox').count()).toBe(1)
    await page.getByRole('button', { name: 'Show every way to get in touch' }).click()
    await page.getByRole('group', { name: 'An update' }).getByRole('checkbox', { name: 'Patient portal', exact: true }).check()
    await expectNoSeriousA11yViolations(page, { screen: 'starter: channels' })
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await heading('What counts as urgent?')
    await page.getByLabel(/In their words/).fill('If something big happens, or you are worried about your safety.')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await heading('How soon do they usually reply?')
    await page.getByRole('button', { name: 'We did not talk about this' }).click()
    await heading('What to do when they are away?')
    await page.getByRole('radio', { name: 'Urgent things go to the covering clinician' }).check()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await heading('These agreements will be added')
    const summary = await page.locator('.rule-list').innerText()
    expect(summary).toContain('No contact for 48 hours after a session, except a specific concern or a significant event')
    expect(summary).toContain('Contact Monday to Friday, 09:00–18:00, their time')
    expect(summary).toContain('Admin by email; updates and questions about the work by the portal')
    expect(summary).toContain('While they are away, specific concerns and significant events go to the covering clinician')
    await expectNoSeriousA11yViolations(page, { screen: 'starter: summary' })
    await page.getByRole('button', { name: 'Add these agreements' }).click()
    await page.getByText('4 agreements added.').first().waitFor()

    const [therapist] = await app.invoke('therapists.list', {})
    const rules = await app.invoke('rules.list', { therapistId: therapist?.id ?? null, includeRetired: false })
    expect(rules.map((r) => r.body.kind).sort()).toEqual(['buffer_after_session', 'channel_for_purpose', 'contact_hours', 'therapist_away'])
    const buffer = rules.find((r) => r.body.kind === 'buffer_after_session')
    expect(buffer?.agreementText).toBe('If something big happens, or you are worried about your safety.')
    expect(buffer?.body).toEqual({ kind: 'buffer_after_session', params: { hours: 48, exemptPurposes: ['concern', 'significant_event'] } })
    // In plain sentences, with when it was agreed and when to look again.
    await page.locator('.rule__sentence', { hasText: /No contact for 48 hours after a session, except a specific concern or a significant event — agreed 10 March, review in June/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'agreements (list)' })

    // The answers are kept, in words; the skipped question is left out.
    const kept = await app.invoke('starterAnswers.get', { therapistId: therapist?.id ?? '' })
    expect(kept.answers.map((a) => a.questionId)).toEqual(['buffer', 'hours', 'channels', 'urgent', 'away'])
    expect(kept.answers.find((a) => a.questionId === 'urgent')?.answer).toBe(
      'Urgent means a specific concern or a significant event. In their words: “If something big happens, or you are worried about your safety.”',
    )
    // The sheet shows them as the person's answers, with what is on record beside them.
    await page.locator('.card', { hasText: 'How we keep in touch between sessions' }).getByRole('button', { name: 'Copy as Markdown' }).click()
    await page.getByText('Copied as Markdown.').waitFor()
    const sheet = app.shell.clipboard ?? ''
    expect(sheet).toContain('## 4. What counts as urgent?\n\nWhat I have written down so far:\n\nUrgent means a specific concern or a significant event. In their words: “If something big happens, or you are worried about your safety.”')
    expect(sheet).toContain('## 6. What to do when they are away?\n\nWhat I have written down so far:\n\nUrgent things go to the covering clinician.\n\nWhat we have agreed so far:')
    expect(sheet).toMatch(/## 5\. How soon do they usually reply\?\n\nWhat I have written down so far:\n\nNothing yet\./)
  })

  it('adds from a template, edits with history kept, pauses, retires, and shows reviews that are due', async () => {
    app = await launchApp({
      now: at(16, 10),
      beforeLoad: async ({ invoke, clock }) => {
        await clock.set(at(2, 10))
        const seeded = await seedScenario(invoke)
        // A review planned for 15 March: due now.
        await invoke('rules.update', { id: seeded.hoursId, patch: { reviewBy: at(15, 0) } })
        await clock.set(at(16, 10))
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Agreements')
    const { page } = app

    const reviews = page.locator('.reviews')
    await reviews.getByRole('heading', { name: 'Time to look at these again' }).waitFor()
    expect(await reviews.innerText()).toContain('Contact Monday to Friday, 09:00–17:00, their time')
    await expectNoSeriousA11yViolations(page, { screen: 'agreements (review due)' })
    await reviews.getByRole('button', { name: 'Looked at it: keep as it is' }).click()
    await reviews.waitFor({ state: 'detached' })

    // Add from a template: the form starts from the kind's defaults.
    await page.getByRole('button', { name: 'Add an agreement' }).click()
    await page.getByRole('radio', { name: /^Reply time/ }).check()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('heading', { name: 'Add an agreement: Reply time' }).waitFor()
    expect(await page.locator('.rule-preview').innerText()).toContain('Replies within 2 working days; no second message on the same thing before then')
    await page.getByLabel('They usually reply within').fill('3')
    await page.getByLabel(/In the agreement’s own words/).fill('I reply within three working days.')
    await expectNoSeriousA11yViolations(page, { screen: 'agreement form' })
    await page.getByRole('button', { name: 'Add agreement' }).click()
    await page.getByText('Added.', { exact: true }).first().waitFor()
    await page.locator('.rule__sentence', { hasText: 'Replies within 3 working days; no second message on the same thing before then' }).waitFor()

    // Edit the buffer: a new version; the history keeps both.
    const buffer = page.locator('.rule', { hasText: 'No contact for 72 hours after a session' })
    await buffer.getByRole('button', { name: /^Edit/ }).click()
    await page.getByLabel('How many hours after a session').fill('48')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved. The earlier version is kept in its history.').first().waitFor()
    const edited = page.locator('.rule', { hasText: 'No contact for 48 hours after a session' })
    await edited.getByRole('button', { name: /^History/ }).click()
    const history = page.getByRole('dialog', { name: 'History of this agreement' })
    expect(await history.locator('.history__item').count()).toBe(2)
    expect(await history.innerText()).toContain('No contact for 72 hours after a session')
    await expectNoSeriousA11yViolations(page, { screen: 'agreement history' })
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'hidden' })

    // Pause, then retire: both kept, with every change in the history.
    await edited.getByRole('button', { name: /^Pause/ }).click()
    await page.getByText(/^Paused\. It is kept/).first().waitFor()
    await page.locator('.rule--paused', { hasText: 'No contact for 48 hours' }).waitFor()
    await page.locator('.rule', { hasText: 'No contact for 48 hours' }).getByRole('button', { name: /^Retire/ }).click()
    await page.getByRole('button', { name: 'Show 1 retired agreement' }).click()
    await page.locator('.rule--retired', { hasText: 'No contact for 48 hours' }).waitFor()
    const [therapist] = await app.invoke('therapists.list', {})
    const all = await app.invoke('rules.list', { therapistId: therapist?.id ?? null, includeRetired: true })
    const retired = all.find((r) => r.body.kind === 'buffer_after_session')
    expect(retired?.retiredAt).not.toBeNull()
    expect(await app.invoke('rules.history', { id: retired?.id ?? '' })).toHaveLength(4)
    await expectNoSeriousA11yViolations(page, { screen: 'agreements (retired shown)' })
  })

  it('notes an absence with the covering clinician', async () => {
    app = await launchApp({
      now: at(16, 10),
      beforeLoad: async ({ invoke }) => {
        const seeded = await seedScenario(invoke)
        await invoke('rules.create', {
          therapistId: seeded.therapistId,
          severity: 'block',
          agreementText: '',
          agreedOn: null,
          reviewBy: null,
          active: true,
          body: { kind: 'therapist_away', params: { coverPurposes: ['concern', 'significant_event'], note: '' } },
        })
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Agreements')
    const { page } = app
    await page.getByRole('button', { name: 'Add an absence' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an absence' })
    await dialog.getByLabel('Away from').fill('2026-03-23')
    await dialog.getByLabel('Back on').fill('2026-03-30')
    await dialog.getByLabel(/Covering clinician/).fill('Dr Sam Okafor')
    await dialog.getByLabel(/How to reach them/).fill('020 7946 0999')
    await expectNoSeriousA11yViolations(page, { screen: 'absence dialog' })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Dr Sam Okafor: 020 7946 0999').waitFor()
    const [therapist] = await app.invoke('therapists.list', {})
    const [absence] = await app.invoke('absences.list', { therapistId: therapist?.id ?? null })
    expect(absence).toMatchObject({ coveringName: 'Dr Sam Okafor', coveringContact: '020 7946 0999', startsAt: at(23, 0) })
    expect((absence?.endsAt ?? 0) - (absence?.startsAt ?? 0)).toBe(7 * DAY - 3_600_000) // the clocks go forward on 29 March
  })
})
