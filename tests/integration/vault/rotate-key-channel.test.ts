/**
 * `vault.rotateKey` through the contract (issue 17): a wrong passphrase changes no byte; a
 * rotation leaves a vault that opens with the passphrase and with the recovery key, under a new
 * key; a cancel leaves the old key and the vault whole; other calls meanwhile get VAULT_IN_USE.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseHeader } from '../../../src/main/core/vault/header'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { JobProgress } from '../../../src/shared/ipc/schemas/jobs'
import { hashTree } from '../../helpers/data-dir'
import { digestDatabase } from '../../helpers/db-digest'
import { memoryBackupFolder } from '../../../src/main/core/backup/backup-folder'
import { holdJob } from '../../helpers/held-job'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vault: TestVault | undefined
let backupFolder: string | undefined
afterEach(() => {
  vault?.cleanup()
  if (backupFolder) rmSync(backupFolder, { recursive: true, force: true })
  vault = backupFolder = undefined
})

async function vaultWithEntries(options: Parameters<typeof createTestVault>[0] = {}): Promise<TestVault> {
  vault = await createTestVault(options)
  for (let i = 0; i < 40; i++) await dispatch(vault.handlers, 'reflections.create', { body: `heron ${i}` })
  return vault
}

const keyGeneration = (dir: string): number => parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration
const filesOf = (dir: string) => {
  const { 'between.db': database, 'between.header.json': header } = hashTree(dir)
  return { database, header }
}

describe('vault.rotateKey', () => {
  it('a wrong passphrase answers WRONG_PASSPHRASE and changes no byte; the vault stays open', async () => {
    const v = await vaultWithEntries()
    v.core.vault.checkpoint()
    const before = hashTree(v.dir)
    expect(await dispatch(v.handlers, 'vault.rotateKey', { passphrase: `${TEST_PASSPHRASE} ` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect(hashTree(v.dir)).toEqual(before)
    expect(v.events.log.filter((e) => e.event === 'job.progress')).toEqual([])
    expect(await dispatch(v.handlers, 'tags.list', {})).toMatchObject({ ok: true })
  })

  it('rotates: progress as rotate-key jobs, then the same journal opens with the passphrase and with the recovery key', async () => {
    const v = await vaultWithEntries()
    const digest = digestDatabase(v.core.vault.db())
    expect(await dispatch(v.handlers, 'vault.rotateKey', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { status: 'rotated' } })
    expect(keyGeneration(v.dir)).toBe(2)
    const ops = v.events.log.filter((e) => e.event === 'job.progress').map((e) => (e.payload as JobProgress).op)
    expect(new Set(ops)).toEqual(new Set(['rotate-key']))
    expect(digestDatabase(v.core.vault.db())).toBe(digest)

    for (const unlock of [{ passphrase: TEST_PASSPHRASE }, { recoveryKey: v.recoveryKey }]) {
      expect(await dispatch(v.handlers, 'vault.lock', {})).toMatchObject({ ok: true })
      expect(await dispatch(v.handlers, 'vault.unlock', unlock)).toMatchObject({ ok: true })
      expect(digestDatabase(v.core.vault.db())).toBe(digest)
    }
  })

  it('cancelled (jobs.cancel): answers cancelled, the old key and every byte of the vault stay, and it opens whole', async () => {
    const held = holdJob('vault.rotate')
    const v = await vaultWithEntries({ jobs: held.jobs })
    const digest = digestDatabase(v.core.vault.db())
    v.core.vault.checkpoint()
    const before = filesOf(v.dir)

    const rotation = dispatch(v.handlers, 'vault.rotateKey', { passphrase: TEST_PASSPHRASE })
    await held.waiting()
    // Meanwhile the vault answers nothing else, and says why in its code.
    expect(await dispatch(v.handlers, 'timeline.page', { limit: 10 })).toMatchObject({ ok: false, error: { code: 'VAULT_IN_USE' } })
    expect(await dispatch(v.handlers, 'jobs.cancel', { op: 'rotate-key' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await rotation).toEqual({ ok: true, value: { status: 'cancelled' } })

    expect(filesOf(v.dir)).toEqual(before)
    expect(keyGeneration(v.dir)).toBe(1)
    expect(existsSync(join(v.dir, 'between.header.next.json'))).toBe(false)
    expect(existsSync(join(v.dir, 'pre-rotation.tmp'))).toBe(false)
    expect(digestDatabase(v.core.vault.db())).toBe(digest)
    for (const unlock of [{ passphrase: TEST_PASSPHRASE }, { recoveryKey: v.recoveryKey }]) {
      await dispatch(v.handlers, 'vault.lock', {})
      expect(await dispatch(v.handlers, 'vault.unlock', unlock)).toMatchObject({ ok: true })
      expect(digestDatabase(v.core.vault.db())).toBe(digest)
    }

    // And the next one, let through, rotates.
    const again = dispatch(v.handlers, 'vault.rotateKey', { passphrase: TEST_PASSPHRASE })
    await held.waiting()
    held.release()
    expect(await again).toEqual({ ok: true, value: { status: 'rotated' } })
    expect(keyGeneration(v.dir)).toBe(2)
  })

  it('with a backup folder: the backup before it is part of the rotation, and Stop there stops the rotation', async () => {
    const held = holdJob('backup.write')
    backupFolder = makeTempDir('between-rotate-backups-')
    const v = await vaultWithEntries({ jobs: held.jobs, backupFolder: memoryBackupFolder(backupFolder) })
    const rotation = dispatch(v.handlers, 'vault.rotateKey', { passphrase: TEST_PASSPHRASE })
    await held.waiting()
    expect(await dispatch(v.handlers, 'jobs.cancel', { op: 'rotate-key' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await rotation).toEqual({ ok: true, value: { status: 'cancelled' } })
    expect(keyGeneration(v.dir)).toBe(1)
    expect(readdirSync(backupFolder)).toEqual([])
    expect(existsSync(join(v.dir, 'pre-rotation'))).toBe(false)
    expect(await dispatch(v.handlers, 'tags.list', {})).toMatchObject({ ok: true })
  })
})
