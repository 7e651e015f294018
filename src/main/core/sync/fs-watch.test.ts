import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/helpers/test-vault'
import { nodeWatchFolder } from './fs-watch'

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

/** Starts watching and returns the paths reported, and a promise for the first one matching. */
function watching(folder: string, pollMs?: number, onNetwork?: (dir: string) => boolean) {
  const heard: Array<string | null> = []
  const waiters: Array<{ match: (path: string | null) => boolean; resolve(): void }> = []
  const handle = nodeWatchFolder(pollMs, onNetwork)(folder, (path) => {
    heard.push(path)
    for (const waiter of waiters.filter((w) => w.match(path))) waiter.resolve()
  })
  const hears = (path: string) =>
    new Promise<void>((resolve) => {
      if (heard.includes(path)) resolve()
      else waiters.push({ match: (p) => p === path, resolve })
    })
  return { handle, hears }
}

describe('watching a folder on disk', () => {
  it('reports a file renamed into place in a subfolder, by its relative path; closing leaves no handle', async () => {
    dir = makeTempDir('between-watch-')
    mkdirSync(join(dir, 'abc'))
    const before = handles()
    const { handle, hears } = watching(dir)
    writeFileSync(join(dir, 'abc', '0000000001.tmp'), 'x')
    renameSync(join(dir, 'abc', '0000000001.tmp'), join(dir, 'abc', '0000000001'))
    await hears('abc/0000000001')
    handle.close()
    await expect.poll(handles).toEqual(before)
  })

  it('a folder not there yet is listed every few milliseconds until it appears, then watched; closing leaves no handle', async () => {
    dir = makeTempDir('between-watch-')
    const folder = join(dir, 'devices')
    const before = handles()
    const { handle, hears } = watching(folder, 10)
    mkdirSync(join(folder, 'abc'), { recursive: true })
    writeFileSync(join(folder, 'abc', '0000000001'), 'x')
    await hears('abc/0000000001')
    await expect.poll(() => handles().watches).toBeGreaterThan(before.watches)
    writeFileSync(join(folder, 'abc', '0000000002'), 'x')
    await hears('abc/0000000002')
    handle.close()
    await expect.poll(handles).toEqual(before)
  })

  it('a folder on a network share is listed every few milliseconds from the start, never watched; closing leaves no handle', async () => {
    dir = makeTempDir('between-watch-')
    mkdirSync(join(dir, 'abc'))
    const before = handles()
    const asked: string[] = []
    const { handle, hears } = watching(dir, 10, (folder) => asked.push(folder) > 0)
    writeFileSync(join(dir, 'abc', '0000000001'), 'x')
    await hears('abc/0000000001')
    expect(asked).toEqual([dir])
    expect(handles().watches).toBe(before.watches)
    handle.close()
    await expect.poll(handles).toEqual(before)
  })
})

const handles = () => {
  const kinds = process.getActiveResourcesInfo()
  return { watches: kinds.filter((kind) => kind === 'FSEventWrap').length, timers: kinds.filter((kind) => kind === 'Timeout').length }
}
