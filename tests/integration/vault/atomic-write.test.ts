/**
 * Header writes are atomic (temp file, fsync, rename, fsync folder). We simulate a crash between
 * the temp write and the rename by making that one rename fail, then "restart" with a fresh
 * service over the same folder.
 */
import * as fs from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseHeader } from '../../../src/main/core/vault/header'
import { cleanupTempDirs, createdVault, expectCode, makeVault, noteCount, OTHER_PASSPHRASE, PASSPHRASE } from './vault-fixtures'

const crash = vi.hoisted(() => ({ renameOf: null as string | null, times: 1 }))

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return {
    ...actual,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (crash.renameOf !== null && basename(String(from)) === crash.renameOf) {
        if (--crash.times === 0) crash.renameOf = null
        throw Object.assign(new Error('simulated crash'), { code: 'EIO', syscall: 'rename' })
      }
      return actual.renameSync(from, to)
    },
  }
})

afterEach(() => {
  crash.renameOf = null
  crash.times = 1
  cleanupTempDirs()
})

const headerOf = (dir: string) => parseHeader(fs.readFileSync(join(dir, 'between.header.json'), 'utf8'))

describe('atomic header write', () => {
  it('a crash between the temp write and the rename: the previous passphrase still opens, the new one does not', async () => {
    const { dir, vault, recoveryKey } = await createdVault(12)
    const before = fs.readFileSync(join(dir, 'between.header.json'))

    crash.renameOf = 'between.header.json.tmp'
    await expectCode(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE), 'IO_ERROR')
    // The temp file holds the complete new header; the real one is untouched.
    expect(fs.existsSync(join(dir, 'between.header.json.tmp'))).toBe(true)
    expect(() => parseHeader(fs.readFileSync(join(dir, 'between.header.json.tmp'), 'utf8'))).not.toThrow()
    expect(fs.readFileSync(join(dir, 'between.header.json')).equals(before)).toBe(true)
    vault.lock()

    const restarted = makeVault(dir)
    await expectCode(restarted.unlock({ passphrase: OTHER_PASSPHRASE }), 'WRONG_PASSPHRASE')
    await restarted.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(restarted.db())).toBe(12)

    // The next write replaces the leftover temp file and leaves none behind.
    await restarted.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)
    expect(fs.existsSync(join(dir, 'between.header.json.tmp'))).toBe(false)
    restarted.lock()
    await restarted.unlock({ passphrase: OTHER_PASSPHRASE })
    restarted.lock()
    await restarted.unlock({ recoveryKey })
    restarted.lock()
  })

  it('a leftover temp file of any content is ignored', async () => {
    const { dir, vault } = await createdVault(2)
    vault.lock()
    fs.writeFileSync(join(dir, 'between.header.json.tmp'), '{"format":"between-vault", "half written')
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(2)
    vault.lock()
  })

  it('rotation: a crash writing the pending header aborts before the rekey; the old key still opens', async () => {
    const { dir, vault } = await createdVault(30)
    crash.renameOf = 'between.header.next.json.tmp'
    await expectCode(vault.rotateDataKey(PASSPHRASE), 'IO_ERROR')
    expect(headerOf(dir).keyGeneration).toBe(1)
    expect(vault.status()).toBe('unlocked')
    expect(noteCount(vault.db())).toBe(30)
    vault.lock()
    const restarted = makeVault(dir)
    await restarted.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(restarted.db())).toBe(30)
    restarted.lock()
  })

  it('rotation: a failed header rename after the rekey is retried as the vault reopens', async () => {
    const { dir, vault } = await createdVault(30)
    crash.renameOf = 'between.header.next.json'
    expect(await vault.rotateDataKey(PASSPHRASE)).toEqual({ status: 'rotated' })
    expect(noteCount(vault.db())).toBe(30)
    expect(headerOf(dir).keyGeneration).toBe(2)
    expect(fs.existsSync(join(dir, 'between.header.next.json'))).toBe(false)
    vault.lock()
    await vault.unlock({ passphrase: PASSPHRASE })
    vault.lock()
  })

  it('rotation: a header rename that keeps failing after the rekey is finished by the next unlock', async () => {
    const { dir, vault, recoveryKey } = await createdVault(30)
    crash.renameOf = 'between.header.next.json'
    crash.times = 2 // the job's rename, then the retry as the vault reopens
    await expectCode(vault.rotateDataKey(PASSPHRASE), 'IO_ERROR')
    // The live connection is already under the new key and keeps working.
    expect(noteCount(vault.db())).toBe(30)
    expect(headerOf(dir).keyGeneration).toBe(1)
    expect(fs.existsSync(join(dir, 'between.header.next.json'))).toBe(true)
    vault.lock()

    const restarted = makeVault(dir)
    await restarted.unlock({ recoveryKey })
    expect(noteCount(restarted.db())).toBe(30)
    expect(headerOf(dir).keyGeneration).toBe(2)
    expect(fs.existsSync(join(dir, 'between.header.next.json'))).toBe(false)
    restarted.lock()
    await restarted.unlock({ passphrase: PASSPHRASE })
    restarted.lock()
  })
})
