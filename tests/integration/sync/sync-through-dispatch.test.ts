/**
 * Sync through the contract, as the window calls it. dispatch runs record handlers in a
 * savepoint; sync runs its own transactions in slices, so it must not be inside one (it answered
 * INTERNAL to every "Sync now" from the window while the core's own calls worked).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { fakeDialogs } from '../../helpers/fake-ports'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const made: TestVault[] = []
let folder = ''
afterEach(() => {
  for (const vault of made.splice(0)) vault.cleanup()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

it('joins and syncs through dispatch, and the other computer’s entry arrives', async () => {
  folder = mkdtempSync(join(tmpdir(), 'between-sync-dispatch-'))
  const laptop = await createTestVault()
  const desk = await createTestVault({ dialogs: fakeDialogs({ folder }) })
  made.push(laptop, desk)
  await laptop.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
  expect(await dispatch(desk.handlers, 'sync.chooseFolder', {})).toMatchObject({ ok: true, value: { status: 'chosen', joining: true } })
  expect(await dispatch(desk.handlers, 'sync.enable', { deviceName: 'Desk', passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { enabled: true } })
  laptop.core.reflections.create({ body: 'A heron by the canal.', mood: null, tags: [], sessionId: null, bringToSession: false })
  await laptop.core.sync.syncNow({})
  expect(await dispatch(desk.handlers, 'sync.now', {})).toMatchObject({ ok: true, value: { waitingDevices: 0 } })
  expect(desk.core.search.query({ query: 'heron', limit: 5, cursor: null }).hits).toHaveLength(1)
})
