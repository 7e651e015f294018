import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_THERAPIST } from '../../scripts/demo-vault'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { launchDemoApp } from './launch-vault'
import { shootSmallLightLargeDark } from './shots'

const NEW_EMAIL = 'amara@new-practice.example'

/**
 * Everything the person entered can be changed: a therapist edited from the overview shows up
 * changed in the contact check, with agreements and sessions kept. And a session that has not
 * started cannot be marked attended: the editor says why, and the core refuses it too.
 */
describe.skipIf(e2eSkipReason())('editing what was entered', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchDemoApp()
  })

  afterAll(async () => {
    await app?.close()
  })

  /** Opens the demo's draft from its timeline row (found by `text`) in the detail panel. */
  const openDraft = async (text: string) => {
    const { page } = app
    const feed = page.getByRole('feed', { name: 'Timeline entries' })
    const row = feed.getByRole('article').filter({ hasText: text })
    await row.scrollIntoViewIfNeeded()
    await row.click()
    const panel = page.getByRole('complementary', { name: 'Details' })
    await panel.getByRole('heading', { name: 'Draft' }).waitFor()
    const [draft] = await app.invoke('drafts.list', {})
    if (!draft) throw new Error('no draft')
    return { page, feed, row, panel, draft }
  }

  it('edits a therapist and the contact check uses the change; agreements and sessions stay', async () => {
    const { page } = app
    const [before] = await app.invoke('therapists.list', {})
    if (!before) throw new Error('no therapist')
    const rulesBefore = await app.invoke('rules.list', { therapistId: before.id, includeRetired: true })
    const sessionsBefore = await app.invoke('sessions.list', { from: null, to: null, therapistId: before.id, limit: 1000 })
    expect(rulesBefore.length).toBeGreaterThan(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    await page.getByRole('button', { name: `Edit ${DEMO_THERAPIST}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit your therapist' })
    await expect.poll(() => dialog.getByLabel('Name').inputValue()).toBe(DEMO_THERAPIST)
    await expectNoSeriousA11yViolations(page, { screen: 'edit therapist' })
    await dialog.getByLabel('Name').fill('Dr Amara Rao-Okafor')
    expect(await dialog.getByLabel('Pronouns').inputValue()).toBe('she/her')
    await dialog.getByLabel('Pronouns').fill('she/they')
    await dialog.getByLabel('Practice').fill('Northbank Therapy')
    await dialog.getByLabel('Email address').fill(NEW_EMAIL)
    await dialog.getByLabel('Time zone').selectOption('America/New_York')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'Dr Amara Rao-Okafor (she/they)' }).waitFor()

    const [after] = await app.invoke('therapists.list', {})
    expect(after).toMatchObject({ id: before.id, name: 'Dr Amara Rao-Okafor', pronouns: 'she/they', practice: 'Northbank Therapy', timeZone: 'America/New_York' })
    expect(after?.channels.map((c) => c.address)).toEqual([NEW_EMAIL, '020 7946 0321', 'https://portal.riverside-counselling.example'])
    expect(await app.invoke('rules.list', { therapistId: before.id, includeRetired: true })).toEqual(rulesBefore)
    expect(await app.invoke('sessions.list', { from: null, to: null, therapistId: before.id, limit: 1000 })).toEqual(sessionsBefore)

    await page.getByRole('button', { name: 'Ready to contact?' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ready to contact?' }).waitFor()
    await page.getByText(NEW_EMAIL).first().waitFor()
    expect(await page.getByText('amara.rao@riverside-counselling.example').count()).toBe(0)
  })

  it('refuses to mark a session that has not started as attended, with a clear message', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    const feed = page.getByRole('feed', { name: 'Timeline entries' })
    await feed.getByRole('article').first().click()
    const panel = page.getByRole('complementary', { name: 'Details' })
    await panel.getByRole('heading', { name: 'Session' }).waitFor()
    const status = panel.getByLabel('Status')
    expect(await status.inputValue()).toBe('scheduled')
    await status.selectOption('attended')
    await panel.getByText('This session has not started yet. It can be marked attended or missed once it has.').waitFor()
    expect(await status.getAttribute('aria-invalid')).toBe('true')

    const [next] = (await app.invoke('sessions.list', { from: app.clock.now(), to: null, therapistId: null, limit: 1 })) ?? []
    if (!next) throw new Error('no future session')
    expect(next.status).toBe('scheduled')
    // The core says no too, whoever asks, and changes nothing.
    await expect(app.invoke('sessions.update', { id: next.id, patch: { status: 'attended' } })).rejects.toThrow(/SESSION_NOT_STARTED|has started/)
    expect((await app.invoke('sessions.get', { id: next.id })).status).toBe('scheduled')
    // It stays the next session.
    await status.selectOption('scheduled')
    await panel.getByRole('button', { name: 'Close' }).last().click()
    expect((await app.invoke('sessionPrep.open', { therapistId: null })).nextSession?.id).toBe(next.id)
  })

  it('changes the words of a talking point in place', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Next session' }).click()
    await page.getByRole('heading', { level: 1, name: 'Next session' }).waitFor()
    const first = page.locator('[data-testid="talking-point"]').first()
    const before = (await first.locator('.point__text').innerText()).trim()
    await first.getByRole('button', { name: /^Edit “/ }).click()
    await first.getByLabel('Talking point').fill('Sunday calls: shorter is allowed')
    await first.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Talking point changed.').waitFor()
    const points = await app.invoke('talkingPoints.list', {})
    expect(points.map((p) => p.text)).toContain('Sunday calls: shorter is allowed')
    expect(points.map((p) => p.text)).not.toContain(before)
  })

  it('edits a logged contact from the timeline: the list and the vault show the change', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    const feed = page.getByRole('feed', { name: 'Timeline entries' })
    const row = feed.getByRole('article').filter({ hasText: 'Thanked her and said next week is fine.' })
    await row.scrollIntoViewIfNeeded()
    await row.click()
    const panel = page.getByRole('complementary', { name: 'Details' })
    await panel.getByRole('heading', { name: 'You sent an email' }).waitFor()
    await panel.getByRole('button', { name: 'Edit' }).click()
    await panel.getByRole('heading', { name: 'Edit contact' }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'edit contact' })
    await panel.getByLabel('How').selectOption('portal')
    await panel.getByLabel('About').selectOption('update')
    await panel.getByLabel('What was said').fill('Thanked her; said next week is fine and asked about Thursday.')
    await panel.getByRole('button', { name: 'Save' }).click()
    await panel.getByRole('heading', { name: 'You sent a portal message' }).waitFor()
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await feed.getByRole('article').filter({ hasText: 'asked about Thursday' }).waitFor()

    const contacts = await app.invoke('contacts.list', {})
    const edited = contacts.find((c) => c.summary.includes('asked about Thursday'))
    expect(edited).toMatchObject({ direction: 'sent', channel: 'portal', purpose: 'update' })
    expect(contacts.some((c) => c.summary === 'Thanked her and said next week is fine.')).toBe(false)
  })

  it('edits a draft by keyboard; Cancel leaves it as it was', async () => {
    const { page, feed, panel, draft } = await openDraft('The bit about the Sunday calls')

    await panel.getByRole('button', { name: 'Edit' }).focus()
    await page.keyboard.press('Enter')
    const message = panel.getByLabel('Message')
    await expect.poll(() => message.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(' Changed my mind.')
    await panel.getByRole('button', { name: 'Cancel' }).focus()
    await page.keyboard.press('Enter')
    await panel.getByRole('heading', { name: 'Draft' }).waitFor()
    expect((await app.invoke('drafts.get', { id: draft.id })).body).toBe(draft.body)

    await panel.getByRole('button', { name: 'Edit' }).focus()
    await page.keyboard.press('Enter')
    await message.fill('')
    await page.keyboard.type('Thank you for Tuesday. Could we talk about the Sunday calls next time?')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save')
    await page.keyboard.press('Enter')
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await app.invoke('drafts.get', { id: draft.id })).toMatchObject({ body: 'Thank you for Tuesday. Could we talk about the Sunday calls next time?', purpose: draft.purpose, channel: draft.channel })
    await feed.getByRole('article').filter({ hasText: 'Could we talk about the Sunday calls' }).waitFor()
  })

  it('deletes a draft by keyboard after asking; Undo puts it back as it was, with its talking point', async () => {
    const { page, row, panel, draft } = await openDraft('Could we talk about the Sunday calls')
    const point = await app.invoke('talkingPoints.create', { text: 'The Sunday calls', sourceDraftId: draft.id })
    await shootSmallLightLargeDark(page, 'draft-detail')

    await panel.getByRole('button', { name: 'Delete draft' }).focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('alertdialog', { name: 'Delete this draft?' })
    await confirm.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'delete draft confirmation' })
    await shootSmallLightLargeDark(page, 'draft-delete-confirm')
    // Escape leaves it; then Delete by keyboard.
    await page.keyboard.press('Escape')
    await expect.poll(() => confirm.count()).toBe(0)
    expect(await app.invoke('drafts.get', { id: draft.id })).toEqual(draft)
    await panel.getByRole('button', { name: 'Delete draft' }).focus()
    await page.keyboard.press('Enter')
    await confirm.getByRole('button', { name: 'Delete' }).focus()
    await page.keyboard.press('Enter')

    await page.getByText('Draft deleted.').waitFor()
    await expect(app.invoke('drafts.get', { id: draft.id })).rejects.toThrow(/NOT_FOUND/)
    await expect.poll(() => row.count()).toBe(0)
    const undo = page.getByRole('button', { name: 'Undo' })
    const box = await undo.boundingBox()
    const viewport = page.viewportSize()
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width).toBe(true)
    await undo.focus()
    await page.keyboard.press('Enter')
    await page.getByText('Put back.').waitFor()
    expect(await app.invoke('drafts.get', { id: draft.id })).toEqual(draft)
    expect((await app.invoke('talkingPoints.get', { id: point.id })).sourceDraftId).toBe(draft.id)
    await expect.poll(() => row.count()).toBe(1)
    await page.getByRole('button', { name: 'Dismiss' }).click()
  })
})
