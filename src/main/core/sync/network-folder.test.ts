import { describe, expect, it } from 'vitest'
import { isNetworkFolder, type FolderProbe } from './network-folder'

const linux = (type: number | Error): FolderProbe => ({
  platform: 'linux',
  fsType: () => {
    if (type instanceof Error) throw type
    return type
  },
})

describe('whether a folder is on a network share (then it is listed every few seconds, not watched)', () => {
  it('on Linux, NFS, SMB, CIFS, SMB2 and FUSE mounts are; ext4, btrfs, tmpfs are not', () => {
    for (const type of [0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546]) expect(isNetworkFolder('/mnt/share', linux(type))).toBe(true)
    for (const type of [0xef53, 0x9123683e, 0x01021994]) expect(isNetworkFolder('/home/me/Sync', linux(type))).toBe(false)
  })

  it('a folder whose type cannot be read (not there yet) is not, until it is asked again', () => {
    expect(isNetworkFolder('/mnt/gone', linux(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })))).toBe(false)
  })

  it('on Windows a UNC path is, a drive letter is not; on macOS nothing is (its type numbers are not stable)', () => {
    const windows: FolderProbe = { platform: 'win32', fsType: () => 0 }
    expect(isNetworkFolder('\\\\nas\\journal\\devices', windows)).toBe(true)
    expect(isNetworkFolder('//nas/journal/devices', windows)).toBe(true)
    expect(isNetworkFolder('C:\\Users\\me\\Dropbox\\devices', windows)).toBe(false)
    expect(isNetworkFolder('/Volumes/nas/devices', { platform: 'darwin', fsType: () => 0x17 })).toBe(false)
  })
})
