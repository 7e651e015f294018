import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestVersion } from '../../src/main/core/db/migrate'
import { migrations } from '../../src/main/core/db/migrations'
import { createThreadJobs } from '../../src/main/core/jobs/thread-jobs'
import type { Jobs } from '../../src/main/core/ports'
import type { JobProgress } from '../../src/shared/ipc/schemas/jobs'
import { takeBackToSchema10 } from '../helpers/old-schema'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { shootBothThemes } from './shots'

const PASSPHRASE = 'quiet lantern orchard velvet'

/** The worker jobs of the app, except that the schema update waits until `release()`: the lock screen can be looked at meanwhile. */
function gatedUpdate(): { jobs: Jobs; release(): void; started: Promise<void> } {
  const threads = createThreadJobs()
  let release = (): void => undefined
  let began = (): void => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  const started = new Promise<void>((resolve) => (began = resolve))
  return {
    jobs: {
      async run(request, options) {
        if (request.name === 'vault.migrate') {
          began()
          await gate
        }
        return threads.run(request, options)
      },
    },
    release: () => release(),
    started,
  }
}

/**
 * The first unlock after an update of Between (issue 17): the lock screen says the journal is
 * being updated, with what is being done and a progress bar, while the update runs in a worker;
 * typing and pressing Unlock again meanwhile change nothing; then the app opens, updated.
 */
/** The migrations a vault taken back to schema 10 goes through. */
const AFTER_SCHEMA_10 = migrations.filter((m) => m.version > 10).length

describe.skipIf(e2eSkipReason())('lock screen: the update at the first unlock after an update', () => {
  let app: E2EApp
  const gated = gatedUpdate()

  beforeAll(async () => {
    app = await launchApp({
      core: { jobs: gated.jobs },
      beforeLoad: async ({ invoke, core }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        for (let i = 0; i < 30; i++) await invoke('reflections.create', { body: `heron ${i}`, tags: [], mood: null, sessionId: null, bringToSession: false })
        takeBackToSchema10(core.vault.db())
        core.lock('manual')
      },
    })
  }, 120_000)

  afterAll(async () => {
    gated.release()
    await app?.close()
  })

  it('shows the update with its progress in view, ignores typing, then opens the journal updated', async () => {
    const { page } = app
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await gated.started

    // What the worker reports, pushed as main would: a step of the update, then the search rebuild.
    await app.push('job.progress', { op: 'update', phase: 'updating', done: 8, total: 12 })
    const title = page.getByRole('heading', { level: 1, name: 'Updating your journal for this version of Between' })
    await title.waitFor()
    // In place of the form, with focus on what is happening: nothing typed can send it again.
    expect(await page.getByLabel('Passphrase', { exact: true }).count()).toBe(0)
    expect(await title.evaluate((element) => element === document.activeElement)).toBe(true)
    await app.push('job.progress', { op: 'update', phase: 'indexing', done: 120_000, total: 200_000 })
    const bar = page.getByRole('progressbar', { name: 'Rebuilding the search index: progress' })
    await bar.waitFor()
    expect(await bar.getAttribute('value')).toBe('60')
    await page.getByText('60 %').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'lock screen (update in progress)' })
    for (const [width, height] of [[800, 600], [1280, 800]] as const) {
      await page.setViewportSize({ width, height })
      const box = await bar.boundingBox()
      expect(box !== null && box.y + box.height <= height && box.x + box.width <= width).toBe(true)
      await shootBothThemes(page, `lock-update-progress-${width}`)
    }

    // Typing and Enter while it runs: still the one unlock under way, the same screen.
    await page.keyboard.type('x')
    await page.keyboard.press('Enter')
    await bar.waitFor()
    expect(app.core.vault.status()).toBe('locked')

    gated.release()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    expect(app.core.vault.db().pragma('user_version', { simple: true })).toBe(latestVersion())
    const fromWorker = app.events.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgress)
    expect(fromWorker.filter((p) => p.op === 'update' && p.phase === 'updating').at(-1)).toEqual({ op: 'update', phase: 'updating', done: AFTER_SCHEMA_10, total: AFTER_SCHEMA_10 })
    expect(app.pageErrors).toEqual([])
  }, 120_000)
})
