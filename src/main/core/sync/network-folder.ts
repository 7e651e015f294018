/**
 * Whether a folder is on a network share, where a watch hears only this computer's own writes:
 * inotify (Linux) reports the system calls made here, so on an NFS, SMB/CIFS or FUSE mount
 * (sshfs, rclone, GNOME's gvfs) another computer's file arrives unannounced; on Windows a UNC
 * path (`\\server\share\…`). There fs-watch.ts lists the folder every few seconds instead of
 * watching it. Elsewhere (macOS, whose statfs type numbers are not stable; a mapped Windows
 * drive letter) this says no and the sync scheduler's 30 s timer remains the safety net.
 */
import { statfsSync } from 'node:fs'

/** Linux `statfs` f_type magic numbers of file systems whose changes may come from elsewhere. */
const REMOTE_TYPES = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE
  0x564c, // NCP
  0x6b414653, // AFS
])

export interface FolderProbe {
  platform: NodeJS.Platform
  /** The file system type of the folder (statfs f_type); throws when it cannot be read. */
  fsType(dir: string): number
}

const nodeProbe: FolderProbe = { platform: process.platform, fsType: (dir) => statfsSync(dir).type }

export function isNetworkFolder(dir: string, probe: FolderProbe = nodeProbe): boolean {
  if (probe.platform === 'win32') return /^[\\/]{2}[^\\/]/.test(dir)
  if (probe.platform !== 'linux') return false
  try {
    return REMOTE_TYPES.has(probe.fsType(dir))
  } catch {
    return false
  }
}
