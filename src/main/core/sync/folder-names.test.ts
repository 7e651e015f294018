import { describe, expect, it } from 'vitest'
import { classifyPath, opFilePath, wakesSync } from './folder-names'

const device = '0123456789abcdef'

describe('sync folder names', () => {
  it('reads only exact names as Between files', () => {
    expect(classifyPath(opFilePath(device, 12))).toEqual({ kind: 'op', device, sequence: 12 })
    expect(classifyPath(`snapshots/${device}/0000000003`)).toEqual({ kind: 'snapshot', device, sequence: 3 })
    expect(classifyPath('between-sync.json')).toEqual({ kind: 'header' })
  })

  it.each([
    [`devices/${device}/0000000012.sync-conflict-20261207-101500-ABCDEFG`, 'conflict-copy'],
    [`devices/${device}/0000000012 (conflicted copy 2026-12-07)`, 'conflict-copy'],
    [`devices/${device}/0000000012 (Conflict 1)`, 'conflict-copy'],
    [`devices/${device}/.0000000012.icloud`, 'placeholder'],
    [`devices/${device}/0000000012.tmp`, 'in-progress'],
    [`devices/${device}/.syncthing.0000000012.tmp`, 'in-progress'],
    [`devices/${device}/000000012`, 'unknown'],
    [`devices/${device.toUpperCase()}/0000000012`, 'unknown'],
  ])('ignores %s (%s)', (path, why) => {
    expect(classifyPath(path)).toEqual({ kind: 'ignored', why })
  })

  it('a change wakes sync for another device\'s file or folder, not for its own or an engine\'s working file', () => {
    const self = 'fedcba9876543210'
    expect(wakesSync(opFilePath(device, 12), self)).toBe(true)
    expect(wakesSync(`devices/${device}`, self)).toBe(true)
    expect(wakesSync(opFilePath(self, 12), self)).toBe(false)
    expect(wakesSync(`devices/${self}/0000000012.tmp`, self)).toBe(false)
    expect(wakesSync(`devices/${self}`, self)).toBe(false)
    expect(wakesSync(`devices/${device}/0000000012.tmp`, self)).toBe(false)
    expect(wakesSync(`devices/${device}/.syncthing.0000000012.tmp`, self)).toBe(false)
    expect(wakesSync(`devices/${device}/0000000012.sync-conflict-20261207-101500-ABCDEFG`, self)).toBe(false)
    expect(wakesSync(`devices/${device}/.0000000012.icloud`, self)).toBe(false)
  })
})
