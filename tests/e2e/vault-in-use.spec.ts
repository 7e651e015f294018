import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core'
import { CHEAP_KDF } from '../helpers/test-vault'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

const PASSPHRASE = 'quiet lantern orchard velvet'

/** Another core (another window or program) holds the vault: the unlock screen says so plainly. */
describe.skipIf(e2eSkipReason())('a vault open elsewhere', () => {
  let app: E2EApp | undefined
  let other: Core | undefined
  let root = ''
  afterEach(async () => {
    await app?.close()
    other?.close()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('shows "Between is already open on this vault" and lets the person in once it is closed', async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-in-use-'))
    const dataDir = join(root, 'vault')
    app = await launchApp({
      dataDir,
      beforeLoad: async ({ core, invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        core.lock('manual')
        other = createCore({ dataDir, kdfCost: CHEAP_KDF })
        await other.vault.unlock({ passphrase: PASSPHRASE })
      },
    })
    const { page } = app
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('Between is already open on this vault').waitFor()
    other?.close()
    other = undefined
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
  }, 90_000)
})
