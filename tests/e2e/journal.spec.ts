import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSPHRASE, seedDemoVault } from '../../scripts/demo-vault'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { shootBothThemes } from './shots'

/**
 * Sessions and reflections in the timeline's side panel: autosave with a visible state, a failed
 * save kept and retried, a safe Markdown preview, "bring this to my next session", delete with
 * undo, sessions added one by one or as a weekly run, tags renamed and merged, and nothing lost
 * when the vault locks mid-sentence.
 */

describe.skipIf(e2eSkipReason())('sessions and reflections', () => {
  let app: E2EApp
  let reflectionId = ''

  const panel = () => app.page.getByRole('complementary', { name: 'Details' })
  const body = () => panel().getByLabel('What is on your mind?')
  const saved = () => panel().getByRole('status').filter({ hasText: /^Saved/ }).waitFor()
  const reflections = () => app.invoke('reflections.list', { limit: 100 })

  const openTimeline = async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
  }

  const unlockInPage = async () => {
    const { page } = app
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
  }

  beforeAll(async () => {
    app = await launchApp({
      beforeLoad: async ({ invoke, clock }) => {
        await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
        await seedDemoVault(invoke, clock)
      },
    })
    app.page.setDefaultTimeout(10_000)
    await openTimeline()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('writes a new reflection, saved as it is typed', async () => {
    const { page } = app
    const before = (await reflections()).length
    await page.getByRole('button', { name: 'Write a reflection' }).first().click()
    await panel().getByRole('heading', { level: 2, name: 'New reflection' }).waitFor()
    await expect.poll(() => body().evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true)
    await page.keyboard.type('Quiet **morning**. Read [this](https://example.org/x) and <script>window.__pwned = 1</script> kept going.')
    await saved()
    const list = await reflections()
    expect(list).toHaveLength(before + 1)
    const created = list[0]
    reflectionId = created?.id ?? ''
    expect(created?.body).toContain('Quiet **morning**.')
    await panel().getByRole('heading', { level: 2, name: 'Reflection' }).waitFor()
    // The new entry is in the list, open.
    await expect.poll(() => page.locator('[role="feed"] [aria-current="true"]').innerText()).toContain('Quiet **morning**')
  })

  it('previews Markdown safely: no HTML, links that go nowhere', async () => {
    const { page } = app
    await panel().getByRole('button', { name: 'Preview' }).click()
    const preview = panel().locator('.markdown')
    await preview.waitFor()
    expect(await preview.locator('strong').innerText()).toBe('morning')
    expect(await preview.locator('a, script, img').count()).toBe(0)
    expect(await preview.innerText()).toContain('this (https://example.org/x)')
    expect(await page.evaluate('window.__pwned')).toBeUndefined()
    await expectNoSeriousA11yViolations(page, { screen: 'reflection preview' })
    await panel().getByRole('button', { name: 'Write' }).click()
  })

  it('keeps mood and tags (created inline), saved', async () => {
    await panel().getByRole('radio', { name: 'Good', exact: true }).check()
    const tags = panel().getByRole('combobox', { name: /^Tags/ })
    await tags.first().fill('garden')
    await tags.first().press('Enter')
    await tags.first().fill('mornings')
    await tags.first().press(',')
    await panel().getByRole('button', { name: 'Remove tag garden' }).waitFor()
    await saved()
    await expect.poll(async () => (await app.invoke('reflections.get', { id: reflectionId })).tags).toEqual(['garden', 'mornings'])
    expect((await app.invoke('reflections.get', { id: reflectionId })).mood).toBe(4)
    await expectNoSeriousA11yViolations(app.page, { screen: 'reflection editor' })
  })

  it('brings it to the next session as a talking point linked back here', async () => {
    await panel().getByLabel('Bring this to my next session').check()
    await panel().getByText('Added to your talking points.').waitFor()
    const points = await app.invoke('talkingPoints.list', { status: 'open' })
    const point = points.find((p) => p.sourceReflectionId === reflectionId)
    expect(point?.text).toBe('Quiet morning. Read [this](https://example.org/x) and <script>window.__pwned = 1</script> kept going.'.replace(/[*_`~]/g, ''))
    expect((await app.invoke('reflections.get', { id: reflectionId })).bringToSession).toBe(true)
  })

  it('shows a failed save, keeps the text, and saves it on retry', async () => {
    const { page } = app
    const handlers = app.handlers as unknown as Record<string, unknown>
    const update = handlers['reflections.update']
    handlers['reflections.update'] = () => {
      throw new Error('disk full')
    }
    try {
      await body().press('End')
      await page.keyboard.type(' Then it rained.')
      await panel().getByText('Not saved. Your text is still here.').waitFor()
      await panel().getByText(/Nothing is lost/).waitFor()
      expect(await body().inputValue()).toContain('Then it rained.')
      await expectNoSeriousA11yViolations(page, { screen: 'reflection save failed' })
    } finally {
      handlers['reflections.update'] = update
    }
    await panel().getByRole('button', { name: 'Try again' }).click()
    await saved()
    expect((await app.invoke('reflections.get', { id: reflectionId })).body).toContain('Then it rained.')
  })

  it('asks once before deleting, and puts it back on undo with its date and links', async () => {
    const { page } = app
    const original = await app.invoke('reflections.get', { id: reflectionId })
    await panel().getByRole('button', { name: 'Delete reflection' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete this reflection?' })
    await confirm.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'delete confirmation' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await page.getByText('Reflection deleted.').waitFor()
    await expect(app.invoke('reflections.get', { id: reflectionId })).rejects.toThrow(/NOT_FOUND/)
    expect(await page.locator('[role="feed"]').innerText()).not.toContain('Quiet **morning**')

    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByText('Put back.').waitFor()
    expect(await app.invoke('reflections.get', { id: reflectionId })).toEqual(original)
    const points = await app.invoke('talkingPoints.list', { status: 'open' })
    expect(points.some((p) => p.sourceReflectionId === reflectionId)).toBe(true)
    await expect.poll(() => page.locator('[role="feed"]').innerText()).toContain('Quiet **morning**')
    await page.getByRole('button', { name: 'Dismiss' }).click()
  })

  it('adds a past session and records notes, moods and homework', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Add a session' }).first().click()
    await panel().getByRole('heading', { level: 2, name: 'New session' }).waitFor()
    await panel().getByLabel('Date').fill('2026-03-06')
    await panel().getByLabel('Time').fill('10:30')
    await panel().getByLabel('Where').selectOption('video')
    await panel().getByLabel('Status').selectOption('attended')
    expect(await panel().getByLabel('With').inputValue()).not.toBe('')
    await expectNoSeriousA11yViolations(page, { screen: 'new session' })
    await panel().getByRole('button', { name: 'Add session' }).click()
    await panel().getByRole('heading', { level: 2, name: 'Session' }).waitFor()

    await panel().getByLabel(/^Notes/).fill('An extra session after the week with Mira.')
    await panel().getByLabel(/^Title/).fill('Extra session')
    await panel().getByLabel(/^Place/).fill('Hill Street 12, room 4')
    await panel().getByRole('group', { name: /Mood before/ }).getByRole('radio', { name: 'Low', exact: true }).check()
    await panel().getByRole('group', { name: /Mood after/ }).getByRole('radio', { name: 'Okay', exact: true }).check()
    await panel().getByRole('button', { name: 'Add homework' }).click()
    await panel().getByLabel('Homework 1', { exact: true }).fill('Call Mira on Saturday instead')
    await panel().getByLabel('Status of homework 1', { exact: true }).selectOption('doing')
    await saved()
    const sessions = await app.invoke('sessions.list', { from: Date.UTC(2026, 2, 6), to: Date.UTC(2026, 2, 7) })
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({
      startsAt: Date.UTC(2026, 2, 6, 10, 30),
      format: 'video',
      status: 'attended',
      notes: 'An extra session after the week with Mira.',
      title: 'Extra session',
      location: 'Hill Street 12, room 4',
      moodBefore: 2,
      moodAfter: 3,
      homework: [{ text: 'Call Mira on Saturday instead', status: 'doing' }],
    })
    await expectNoSeriousA11yViolations(page, { screen: 'session editor' })
    // It heads its own stretch in the timeline.
    // It heads its own stretch in the timeline, by its title, with its place.
    const card = page.locator('[role="feed"] article').filter({ has: page.getByRole('heading', { level: 2, name: /^Extra session · Fri 6 Mar · 50 min · video/ }) })
    await expect.poll(() => card.count()).toBe(1)
    await card.getByText('Hill Street 12, room 4').waitFor()
    await card.scrollIntoViewIfNeeded()
    await panel().getByLabel(/^Title/).scrollIntoViewIfNeeded()
    await shootBothThemes(page, 'session-title-place')
    await panel().getByRole('button', { name: 'Close' }).last().click()
  })

  it('deletes a session after asking, and undo brings it back with its reflections attached', async () => {
    const { page } = app
    const [session] = await app.invoke('sessions.list', { from: Date.UTC(2026, 2, 6), to: Date.UTC(2026, 2, 7) })
    if (!session) throw new Error('no session')
    const note = await app.invoke('reflections.create', { body: 'About the extra session.', sessionId: session.id })
    await page.locator('[role="feed"]').getByRole('heading', { level: 2, name: /Fri 6 Mar/ }).click()
    await panel().getByRole('heading', { level: 2, name: 'Session' }).waitFor()
    await panel().getByRole('button', { name: 'Delete session' }).click()
    await page.getByRole('alertdialog', { name: 'Delete this session?' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByText('Session deleted.').waitFor()
    expect((await app.invoke('reflections.get', { id: note.id })).sessionId).toBeNull()
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByText('Put back.').waitFor()
    expect(await app.invoke('sessions.get', { id: session.id })).toEqual(session)
    expect((await app.invoke('reflections.get', { id: note.id })).sessionId).toBe(session.id)
    await page.getByRole('button', { name: 'Dismiss' }).click()
  })

  it('schedules a weekly run of sessions ahead at the same local time', async () => {
    const { page } = app
    const before = (await app.invoke('sessions.list', { limit: 1000 })).length
    await page.getByRole('button', { name: 'Schedule sessions' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Schedule sessions' })
    await dialog.waitFor()
    await dialog.getByLabel('Date').fill('2026-03-24')
    await dialog.getByLabel('Time').fill('17:00')
    await dialog.getByLabel('Repeat').selectOption('weekly')
    await dialog.getByLabel('How many sessions').fill('4')
    await expectNoSeriousA11yViolations(page, { screen: 'schedule sessions' })
    await dialog.getByRole('button', { name: 'Add 4 sessions' }).click()
    await page.getByText('4 sessions added.').waitFor()
    const all = await app.invoke('sessions.list', { from: Date.UTC(2026, 2, 23), limit: 1000 })
    expect((await app.invoke('sessions.list', { limit: 1000 })).length).toBe(before + 4)
    const london = all.map((s) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(s.startsAt))
    expect(london).toEqual(['Tue 17:00', 'Tue 17:00', 'Tue 17:00', 'Tue 17:00'])
    // The ones after the next session fold into one row.
    await page.getByText('4 more sessions scheduled').waitFor()
  })

  it('renames and merges tags', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Tags', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Your tags' })
    await dialog.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'tags' })
    await dialog.getByRole('button', { name: 'Rename garden' }).click()
    await dialog.getByLabel('New name for garden').fill('outdoors')
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await dialog.getByText('Renamed to “outdoors”.').waitFor()

    await dialog.getByRole('button', { name: 'Rename outdoors' }).click()
    await dialog.getByLabel('New name for outdoors').fill('Sleep')
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await dialog.getByText('Another tag already has that name. Merge them instead.').waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await dialog.getByRole('button', { name: 'Merge mornings' }).click()
    await dialog.getByLabel('Merge mornings into').selectOption({ label: 'small things' })
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
    await dialog.getByText('“mornings” is now part of “small things”.').waitFor()
    expect((await app.invoke('reflections.get', { id: reflectionId })).tags).toEqual(['outdoors', 'small things'])
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('saves what was typed just before leaving for another screen', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Write a reflection' }).first().click()
    await body().fill('Typed and left at once.')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    await expect.poll(async () => (await reflections()).some((r) => r.body === 'Typed and left at once.')).toBe(true)
    await openTimeline()
  })

  it('saves what was typed just before a lock (the app asks the window to flush first)', async () => {
    const { page } = app
    await page.locator('[role="feed"] [aria-current="true"], [role="feed"] article').filter({ hasText: 'Quiet **morning**' }).first().click()
    await body().waitFor()
    await body().press('End')
    await page.keyboard.type(' Last line before the lock.')
    await app.lock('idle')
    expect(app.shell.flushed.length).toBeGreaterThan(0)
    expect(app.core.vault.status()).toBe('locked')
    await unlockInPage()
    expect((await app.invoke('reflections.get', { id: reflectionId })).body).toContain('Last line before the lock.')
  })

  it('saves what was typed just before pressing Lock', async () => {
    const { page } = app
    await openTimeline()
    await page.getByRole('button', { name: 'Write a reflection' }).first().click()
    await body().fill('Written and locked straight away.')
    await page.getByRole('button', { name: 'Lock Between' }).click()
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await app.core.vault.unlock({ passphrase: DEMO_PASSPHRASE })
    expect((await reflections()).some((r) => r.body === 'Written and locked straight away.')).toBe(true)
    expect(app.pageErrors).toEqual([])
    expect(app.blockedRequests).toEqual([])
  })
})

