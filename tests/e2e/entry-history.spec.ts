import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs } from '../helpers/fake-ports'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../helpers/test-vault'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { launchWithVault } from './launch-vault'
import { expectInViewAtBothSizes } from './in-view'
import { shoot, shootSmallLightLargeDark, shotsDir } from './shots'

const EMPTY_PLAN = { warningSigns: [], copingStrategies: [], distractions: [], helpers: [], professionals: [], crisisLines: [], emergencyNumber: '', safeEnvironment: [], reasonsToLive: [] }

describe.skipIf(e2eSkipReason())('an entry also edited on the other computer', () => {
  let app: E2EApp | undefined
  let other: TestVault | undefined
  let root = ''
  afterEach(async () => {
    await app?.close()
    other?.cleanup()
    app = other = undefined
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('says so on the reflection and shows the value that lost on demand', { timeout: 120_000 }, async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-history-'))
    const folder = join(root, 'Sync')
    mkdirSync(folder, { recursive: true })
    other = await createTestVault()
    const written = other.core.reflections.create({ body: 'Heron by the canal.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    const draft = other.core.drafts.create({ therapistId: null, body: 'Could we move Thursday?', purpose: 'scheduling', channel: 'email', remindAt: null })
    const record = other.core.thoughtRecords.create({ happenedAt: Date.UTC(2026, 2, 2, 9), situation: 'The survey meeting ran late', emotions: [], thoughts: [], evidenceFor: '', evidenceAgainst: '', balancedThought: '', balancedBelief: null, bringToSession: false })
    await other.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    app = await launchWithVault({ dataDir: join(root, 'vault'), core: { dialogs: fakeDialogs({ folder }) }, passphrase: TEST_PASSPHRASE })
    await app.core.sync.enable({ folder, deviceName: 'Desk', passphrase: TEST_PASSPHRASE })
    // Both computers change the mood before they hear of each other: the later stamp wins, the other value is kept.
    app.core.reflections.update({ id: written.id, patch: { mood: 1 } })
    app.core.drafts.update({ id: draft.id, patch: { channel: 'portal' } })
    app.core.thoughtRecords.update({ id: record.id, patch: { happenedAt: Date.UTC(2026, 2, 2, 10) } })
    app.core.crisisPlan.save({ ...EMPTY_PLAN, warningSigns: ['Not sleeping'], helpers: [{ name: 'Sam', phone: '07700 900123' }], emergencyNumber: '999' })
    await app.core.sync.syncNow({})
    other.core.reflections.update({ id: written.id, patch: { mood: 5 } })
    other.core.drafts.update({ id: draft.id, patch: { channel: 'text' } })
    other.core.thoughtRecords.update({ id: record.id, patch: { happenedAt: Date.UTC(2026, 2, 2, 11) } })
    other.core.crisisPlan.save({ ...EMPTY_PLAN, warningSigns: ['Skipping meals'], emergencyNumber: '999' })
    await other.core.sync.syncNow({})
    await app.core.sync.syncNow({})
    const kept = app.core.reflections.get({ id: written.id }).mood === 5 ? 1 : 5
    expect(other.core.reflections.get({ id: written.id }).mood).toBe(app.core.reflections.get({ id: written.id }).mood)
    expect((await app.invoke('sync.history', { table: 'reflections', id: written.id })).entries).toEqual([expect.objectContaining({ field: 'mood', value: kept })])

    const { page } = app
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await page.getByRole('feed', { name: 'Timeline entries' }).getByRole('article').filter({ hasText: 'Heron by the canal.' }).click()
    const panel = page.getByRole('complementary', { name: 'Details' })
    await panel.getByRole('heading', { level: 2, name: 'Reflection' }).waitFor()
    const note = panel.getByRole('region', { name: 'Values kept from the other computer' })
    await note.getByText('Also edited on the other computer at').waitFor()
    const show = note.getByRole('button', { name: 'Show' })
    expect(await show.getAttribute('aria-expanded')).toBe('false')
    await show.focus()
    await page.keyboard.press('Enter')
    const item = note.getByRole('listitem')
    await item.getByText('Mood').waitFor()
    expect(await item.innerText()).toMatch(new RegExp(`Mood\\s+${kept}\\s+kept from`))
    expect(await note.getByRole('button', { name: 'Hide' }).getAttribute('aria-expanded')).toBe('true')
    await expectNoSeriousA11yViolations(page, { screen: 'reflection with kept history' })
    await expectInViewAtBothSizes(page, note, {
      ...(shotsDir && { picture: (size, theme) => shoot(panel, `entry-history-${size.width}-${theme}`) }),
    })
    // The same note on a draft (the timeline's detail panel) and on a thought record, with kept times read as dates.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('feed', { name: 'Timeline entries' }).getByRole('article').filter({ hasText: 'Could we move Thursday?' }).click()
    await panel.getByRole('heading', { level: 2, name: 'Draft' }).waitFor()
    await panel.getByRole('region', { name: 'Values kept from the other computer' }).getByRole('button', { name: 'Show' }).click()
    expect(await panel.getByRole('region', { name: 'Values kept from the other computer' }).getByRole('listitem').innerText()).toMatch(/^How\s+(portal|text)\s+kept from/)
    await page.locator('.sidebar').getByRole('button', { name: 'Thought records', exact: true }).click()
    await page.getByRole('button', { name: /The survey meeting ran late/ }).click()
    const recordNote = page.getByRole('region', { name: 'Values kept from the other computer' })
    await recordNote.getByRole('button', { name: 'Show' }).click()
    const keptTime = (await recordNote.getByRole('listitem').innerText()).replace(/\s+/g, ' ')
    expect(keptTime).toMatch(/^When it happened \d+ Mar 2026, \d\d:00 kept from/)
    await expectNoSeriousA11yViolations(page, { screen: 'thought record with kept history' })
    await shootSmallLightLargeDark(page, 'thought-record-history')

    // The crisis plan, one document: the plan that lost is kept, and its screen says which sections differed.
    const planNow = app.core.crisisPlan.get()
    const keptPlan = planNow.warningSigns[0] === 'Skipping meals' ? '1. Warning signs: Not sleeping\n4. People I can ask for help: Sam 07700 900123' : '1. Warning signs: Skipping meals\n4. People I can ask for help: (empty)'
    await page.locator('.sidebar').getByRole('button', { name: 'Crisis plan', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Your crisis plan' }).waitFor()
    const planNote = page.getByRole('region', { name: 'Values kept from the other computer' })
    await planNote.getByRole('button', { name: 'Show' }).click()
    expect(await planNote.getByRole('listitem').locator('.entry-history__value').innerText()).toBe(keptPlan)
    await expectNoSeriousA11yViolations(page, { screen: 'crisis plan with kept history' })
    await expectInViewAtBothSizes(page, planNote, {
      ...(shotsDir && { picture: (size, theme) => shoot(page, `crisis-plan-history-${size.width}-${theme}`) }),
    })
  })
})
