/**
 * Replace a small file so that a crash leaves either the old or the new content, never a mix:
 * write `<path>.tmp`, fsync it, rename over `<path>`, fsync the directory.
 *
 * Synchronous on purpose: the rotation's critical section must not yield to other work, and the
 * header is a few hundred bytes. A leftover `<path>.tmp` (crash before the rename) is ignored by
 * readers and overwritten by the next write.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { dirname } from 'node:path'

export const tempPathFor = (path: string): string => `${path}.tmp`

/** fsync a directory so a rename or a new file in it survives power loss (no-op on Windows). */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** fsync an existing file by path. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function writeFileAtomicSync(path: string, data: string | Buffer): void {
  const temp = tempPathFor(path)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const fd = openSync(temp, 'w', 0o600)
  try {
    let offset = 0
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
  fsyncDirectory(dirname(path))
}

/** Writes `bytes` into the file at `temp` (created; 'wx': it must not exist yet) and fsyncs it, on the thread pool. */
export async function writeSyncedFile(temp: string, bytes: Uint8Array, flags: 'w' | 'wx'): Promise<void> {
  const file = await open(temp, flags, 0o600)
  try {
    await file.writeFile(bytes)
    await file.sync()
  } finally {
    await file.close()
  }
}

/** writeFileAtomicSync with the writing and the fsyncs on the thread pool (a large file, while the window keeps going). */
export async function writeFileAtomic(path: string, bytes: Buffer): Promise<void> {
  const temp = tempPathFor(path)
  await writeSyncedFile(temp, bytes, 'w')
  await rename(temp, path)
  if (process.platform === 'win32') return
  const dir = await open(dirname(path), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}

/** Removes a file if present; other errors propagate. */
export function removeIfPresent(path: string): void {
  rmSync(path, { force: true })
}
