import { afterEach, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { at, h1, seedScenario } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/**
 * The work between sessions: a thought record and a diary-card week written from the keyboard
 * only, then found in the timeline, in search and in the session brief; a PHQ-9 check-in whose
 * item 9 brings the crisis numbers at once without stopping the person finishing.
 */
describe.skipIf(e2eSkipReason())('homework', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  const go = async (name: string, heading: string) => {
    const { page } = app as E2EApp
    await page.locator('.sidebar').getByRole('button', { name, exact: true }).click()
    await h1(app as E2EApp, heading)
  }

  it('a thought record and a diary week from the keyboard, then in the timeline, search and the brief', async () => {
    app = await launchApp({ now: at(11, 20), beforeLoad: async ({ invoke }) => void (await seedScenario(invoke, { attended: true })) })
    const { page } = app
    const key = (k: string) => page.keyboard.press(k)
    await h1(app, 'Your timeline')

    await go('Thought records', 'Thought records')
    await expectNoSeriousA11yViolations(page, { screen: 'thought records (empty)' })
    await page.getByRole('button', { name: 'New thought record' }).focus()
    await key('Enter')
    await page.getByLabel('Situation').focus()
    await page.keyboard.type('The meeting about the heron survey ran late')
    await key('Tab')
    await page.keyboard.type('Anxious')
    await key('Tab')
    await key('Control+A')
    await page.keyboard.type('80')
    await key('Tab') // Remove
    await key('Tab') // Add an emotion
    await key('Tab')
    await page.keyboard.type('Everyone thinks I am slow')
    await key('Tab')
    await key('Control+A')
    await page.keyboard.type('90')
    // The hot thought stays in view while the rest is written.
    await page.locator('.hot-thought__text', { hasText: 'Everyone thinks I am slow' }).waitFor()
    await key('Tab') // this is the hot thought (already ticked)
    await key('Tab') // thinking traps
    await key('Enter')
    await key('Tab')
    await key('Tab')
    await key('Tab')
    await key('Space') // mind reading
    await page.getByLabel('What does not fit with it?').focus()
    await page.keyboard.type('Two people asked for my notes')
    await key('Tab')
    await page.keyboard.type('Running late is about the agenda, not about me')
    await page.getByRole('checkbox', { name: 'Bring to my next session' }).focus()
    await key('Space')
    await page.locator('.thought-record').getByRole('status').filter({ hasText: /^Saved/ }).waitFor()
    await page.locator('.hot-thought').scrollIntoViewIfNeeded()
    await expectNoSeriousA11yViolations(page, { screen: 'thought record (filled)' })
    const [record] = await app.invoke('thoughtRecords.list', { limit: 10 })
    expect(record).toMatchObject({
      situation: 'The meeting about the heron survey ran late',
      emotions: [{ name: 'Anxious', before: 80 }],
      thoughts: [{ text: 'Everyone thinks I am slow', belief: 90, hot: true, traps: ['mind_reading'] }],
      evidenceAgainst: 'Two people asked for my notes',
      balancedThought: 'Running late is about the agenda, not about me',
      bringToSession: true,
    })

    await go('Diary card', 'Diary card')
    await expectNoSeriousA11yViolations(page, { screen: 'diary card (empty)' })
    await page.getByRole('spinbutton', { name: /^Sadness, / }).first().focus()
    for (const value of ['3', '2', '4', '1', '0', '2', '3']) {
      await page.keyboard.type(value)
      await key('Tab')
    }
    await page.getByRole('checkbox', { name: /^Self-harm happened, / }).nth(2).focus()
    await key('Space')
    await page.getByRole('checkbox', { name: /^TIPP used, / }).nth(2).focus()
    await key('Space')
    await page.getByRole('textbox', { name: /^Note for / }).nth(2).focus()
    await page.keyboard.type('Rang the coaching line before, cold water helped')
    await page.getByRole('checkbox', { name: 'Bring this week to my next session' }).focus()
    await key('Space')
    await page.locator('.diary').getByRole('status').filter({ hasText: /^Saved/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'diary card (filled)' })

    await go('Timeline', 'Your timeline')
    await page.getByText('Hot thought: Everyone thinks I am slow').waitFor()
    await page.locator('.tl-entry', { hasText: 'Rang the coaching line' }).first().waitFor()
    await page.getByRole('searchbox').focus()
    await page.keyboard.type('heron survey')
    await page.locator('.search-hit', { hasText: 'Thought record' }).waitFor()

    const brief = await app.invoke('sessionPrep.briefMarkdown', { timeZone: 'Europe/London', locale: 'en-GB' })
    expect(brief.markdown).toContain('Everyone thinks I am slow')
    expect(brief.markdown).toContain('Self-harm: happened (1)')
    expect(brief.markdown).toContain('TIPP')

    // A thought record can be deleted, after one question.
    await go('Thought records', 'Thought records')
    await page.locator('.homework__item').first().click()
    await page.getByRole('button', { name: 'Delete this thought record' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('No thought records yet.', { exact: false }).waitFor()
    expect(await app.invoke('thoughtRecords.list', { limit: 10 })).toEqual([])
  }, 120_000)

  it('PHQ-9 item 9 above 0 shows the crisis numbers at once, and the check-in still finishes', async () => {
    app = await launchApp({
      now: at(11, 20),
      beforeLoad: async ({ invoke }) => {
        await seedScenario(invoke)
        await invoke('crisisPlan.save', { crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }], emergencyNumber: '999' })
      },
    })
    const { page } = app
    await h1(app, 'Your timeline')
    await go('Check-ins', 'Check-ins')
    await expectNoSeriousA11yViolations(page, { screen: 'check-ins' })
    await page.getByRole('button', { name: 'Fill in the PHQ-9' }).click()
    const items = page.locator('.check-in-form__items > li')
    for (let i = 0; i < 8; i++) await items.nth(i).getByRole('radio', { name: 'Several days' }).check()
    expect(await page.locator('.safety-panel').count()).toBe(0)
    await items.nth(8).getByRole('radio', { name: 'Several days' }).check()
    await page.getByRole('heading', { name: /thoughts of being better off dead/ }).waitFor()
    await page.getByRole('link', { name: /999/ }).waitFor()
    await page.getByRole('link', { name: /Samaritans: 116 123/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'check-in (item 9)' })
    await page.getByRole('button', { name: 'Save this check-in' }).click()
    await page.getByText('Your PHQ-9 score is 9 of 27. That is in the range the questionnaire calls mild.').waitFor()
    await page.getByText(/a score to look at with your therapist, not a diagnosis/).waitFor()
    await page.getByText(/No permission required to reproduce, translate, display or distribute/).waitFor()
    const [saved] = await app.invoke('checkIns.list', { questionnaire: 'phq9', limit: 5 })
    expect(saved).toMatchObject({ score: 9, band: 'mild', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] })

    // A check-in answered wrongly is deleted (after asking) and filled in again.
    await page.getByRole('button', { name: 'Back to check-ins' }).click()
    const phq = page.locator('.questionnaire-card').filter({ hasText: 'PHQ-9' })
    await phq.getByText('Earlier check-ins').click()
    await phq.getByRole('button', { name: /^Delete the check-in of / }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete this check-in?' })
    await expectNoSeriousA11yViolations(page, { screen: 'delete a check-in' })
    await confirm.getByRole('button', { name: 'Keep it' }).click()
    expect(await app.invoke('checkIns.list', { questionnaire: 'phq9', limit: 5 })).toHaveLength(1)
    await phq.getByRole('button', { name: /^Delete the check-in of / }).click()
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click()
    await confirm.waitFor({ state: 'hidden' })
    await expect.poll(() => phq.getByText('Earlier check-ins').count()).toBe(0)
    expect(await app.invoke('checkIns.list', { questionnaire: 'phq9', limit: 5 })).toEqual([])

    await go('Templates', 'Reflection templates')
    await expectNoSeriousA11yViolations(page, { screen: 'templates' })

    // A new reflection can start from a template.
    await go('Timeline', 'Your timeline')
    await page.getByRole('button', { name: 'Write a reflection' }).click()
    await page.getByLabel('Start from a template').selectOption({ label: 'Gratitude' })
    await page.getByRole('status').filter({ hasText: /^Saved/ }).waitFor()
    const [reflection] = await app.invoke('reflections.list', { limit: 1 })
    expect(reflection?.body).toContain('Three things that went all right today')
  }, 60_000)
})
