import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { CHEAP_KDF, makeTempDir, TEST_PASSPHRASE } from '../../helpers/test-vault'

const PAGE = 4096

/** Flips one byte in the middle of every page of the file's second half (the data written last). */
function flipSecondHalf(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    const pages = Math.floor(statSync(path).size / PAGE)
    const byte = Buffer.alloc(1)
    for (let page = Math.floor(pages / 2); page < pages; page++) {
      const at = page * PAGE + 2000
      readSync(fd, byte, 0, 1, at)
      byte[0] = (byte[0] as number) ^ 0x55
      writeSync(fd, byte, 0, 1, at)
    }
  } finally {
    closeSync(fd)
  }
}

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('a vault larger than the unlock-time full check', () => {
  it('opens without reading every page, and a damaged page read later is VAULT_CORRUPT, never wrong data', async () => {
    dir = makeTempDir()
    const first = createCore({ dataDir: dir, kdfCost: CHEAP_KDF })
    await first.vault.create(TEST_PASSPHRASE)
    for (let i = 0; i < 400; i++) first.reflections.create({ body: `entry ${i} ${'words '.repeat(50)}`, mood: null, tags: [], sessionId: null, bringToSession: false })
    first.lock('manual')
    flipSecondHalf(join(dir, 'between.db'))

    // Small threshold: the damage is not looked for at unlock (the schema, written first, is intact) ...
    const core = createCore({ dataDir: dir, kdfCost: CHEAP_KDF, fullCheckUpToBytes: 0 })
    const handlers = createHandlers(core)
    expect(await dispatch(handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { unlocked: true } })
    // ... and is found the moment a damaged page is read.
    expect(await dispatch(handlers, 'reflections.list', { limit: 500 })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })
    expect(await dispatch(handlers, 'search.query', { query: 'entry' })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })
    core.close()

    // With the default threshold this small vault is fully checked at unlock.
    const checked = createCore({ dataDir: dir, kdfCost: CHEAP_KDF })
    expect(await dispatch(createHandlers(checked), 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })
  })
})
