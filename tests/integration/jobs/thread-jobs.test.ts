import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestVault, type TestVault } from '../../helpers/test-vault'
import { silentLogger } from '../../../src/main/core/ports'
import { JobCancelledError, transferableKey } from '../../../src/main/core/jobs/job-protocol'
import { createThreadJobs } from '../../../src/main/core/jobs/thread-jobs'

let vault: TestVault | undefined
let out = ''
afterEach(() => {
  vault?.cleanup()
  vault = undefined
  if (out) rmSync(out, { recursive: true, force: true })
})

const options = (signal = new AbortController().signal) => ({ onProgress: () => undefined, signal, logger: silentLogger })

describe('jobs in a worker thread', () => {
  it('the key moves to the worker (nothing of it stays here) and the job reads the vault on its own connection', async () => {
    vault = await createTestVault()
    vault.core.reflections.create({ body: 'read by the worker', tags: [], mood: null, sessionId: null, bringToSession: false })
    out = mkdtempSync(join(tmpdir(), 'between-jobs-'))
    const key = transferableKey(vault.core.vault.copyDataKey())
    const run = createThreadJobs().run({ name: 'export.json', input: { target: { path: join(out, 'all.json'), partial: join(out, '.all.json.partial') }, now: 1 }, database: vault.core.vault.paths.database, key }, options())
    expect(key.byteLength).toBe(0) // transferred: detached here
    expect(await run).toMatchObject({ status: 'written', items: 1 })
    expect(readFileSync(join(out, 'all.json'), 'utf8')).toContain('read by the worker')
  })

  it('a failure in the worker arrives as its error code; a wrong key never opens the vault', async () => {
    vault = await createTestVault()
    const wrong = new ArrayBuffer(32)
    const run = createThreadJobs().run({ name: 'export.json', input: { target: { path: join(vault.dir, 'never.json'), partial: join(vault.dir, '.never.json.partial') }, now: 1 }, database: vault.core.vault.paths.database, key: wrong }, options())
    await expect(run).rejects.toMatchObject({ code: 'VAULT_CORRUPT' })
  })

  it('a job the worker does not know fails as UNKNOWN_JOB before the vault is opened', async () => {
    vault = await createTestVault()
    const key = transferableKey(vault.core.vault.copyDataKey())
    const request = { name: 'export.nothing', input: {}, database: vault.core.vault.paths.database, key } as unknown as Parameters<ReturnType<typeof createThreadJobs>['run']>[0]
    await expect(createThreadJobs().run(request, options())).rejects.toMatchObject({ code: 'INTERNAL', cause: { code: 'UNKNOWN_JOB' } })
  })

  it('an aborted job rejects with JobCancelledError once its thread has stopped', async () => {
    vault = await createTestVault()
    const controller = new AbortController()
    controller.abort()
    const key = transferableKey(vault.core.vault.copyDataKey())
    const run = createThreadJobs().run({ name: 'export.json', input: { target: { path: join(vault.dir, 'never.json'), partial: join(vault.dir, '.never.json.partial') }, now: 1 }, database: vault.core.vault.paths.database, key }, options(controller.signal))
    await expect(run).rejects.toBeInstanceOf(JobCancelledError)
    expect(new Uint8Array(key).every((byte) => byte === 0)).toBe(true) // never left: zeroed here
  })
})
