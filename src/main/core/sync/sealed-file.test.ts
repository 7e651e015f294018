import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { bucketFor, isBucketSize, openFile, openFileOffThread, sealFile, sealFileOffThread } from './sealed-file'

const key = randomBytes(32)
const keys = new Map([[1, key]])
const id = { kind: 'op' as const, device: '0123456789abcdef', sequence: 7 }

describe('sealed files', () => {
  it('round-trips a payload and pads it to a bucket', () => {
    const payload = Buffer.from('{"ops":[]}')
    const sealed = sealFile(key, 1, id, payload)
    expect(sealed.length).toBe(512)
    const opened = openFile(keys, id, sealed)
    expect(opened).toEqual({ ok: true, payload })
  })

  it('seals and opens off the main thread the same way: each side opens the other\'s files', async () => {
    const payload = Buffer.from(JSON.stringify({ ops: Array.from({ length: 2000 }, (_, i) => `operation ${i}`) }))
    const sealed = await sealFileOffThread(key, 1, id, payload)
    expect(isBucketSize(sealed.length)).toBe(true)
    expect(openFile(keys, id, sealed)).toEqual({ ok: true, payload })
    expect(await openFileOffThread(keys, id, sealFile(key, 1, id, payload))).toEqual({ ok: true, payload })
    const forged = Buffer.from(sealed)
    forged[40] = (forged[40] ?? 0) ^ 1
    expect(await openFileOffThread(keys, id, forged)).toEqual({ ok: false, why: 'forged' })
  })

  it('gives different small payloads the same size', () => {
    const a = sealFile(key, 1, id, Buffer.from('x'))
    const b = sealFile(key, 1, id, randomBytes(300))
    expect(a.length).toBe(b.length)
  })

  it('uses a few bucket sizes, then whole mebibytes', () => {
    expect([1, 600, 2000, 5000].map(bucketFor)).toEqual([512, 1024, 4096, 16384])
    expect(bucketFor(3 * 1024 * 1024 + 1)).toBe(4 * 1024 * 1024)
    expect(isBucketSize(1000)).toBe(false)
  })

  it('binds the device, sequence and kind: a renamed or moved file does not open', () => {
    const sealed = sealFile(key, 1, id, Buffer.from('hello'))
    expect(openFile(keys, { ...id, sequence: 8 }, sealed)).toEqual({ ok: false, why: 'forged' })
    expect(openFile(keys, { ...id, device: 'fedcba9876543210' }, sealed)).toEqual({ ok: false, why: 'forged' })
    expect(openFile(keys, { ...id, kind: 'snapshot' }, sealed)).toEqual({ ok: false, why: 'forged' })
  })

  it('waits for a cut-short file, a flipped bit fails, an unknown epoch waits for its key', () => {
    const sealed = sealFile(key, 1, id, Buffer.from('hello'))
    expect(openFile(keys, id, sealed.subarray(0, 300))).toEqual({ ok: false, why: 'incomplete' })
    const flipped = Buffer.from(sealed)
    flipped[100] = (flipped[100] as number) ^ 1
    expect(openFile(keys, id, flipped)).toEqual({ ok: false, why: 'forged' })
    expect(openFile(keys, id, sealFile(randomBytes(32), 2, id, Buffer.from('x')))).toEqual({ ok: false, why: 'key' })
  })
})
