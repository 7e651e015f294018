/**
 * Writing plaintext exports: only to the path or folder the FileDialogs port returned, never
 * anywhere else (no temp files outside it). A single file is written to a working file beside
 * its target (its path remembered first: pending-partials.ts) and renamed over it (the dialog
 * already asked about replacing); a folder export goes into a new subfolder and never replaces a file.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CoreError } from '../errors'
import { fsyncDirectory, writeSyncedFile } from '../vault/atomic-write'
import { ioError } from '../vault/failures'

const writeAll = (fd: number, bytes: Uint8Array): void => {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
}

/** A new private working file name beside `path`. */
export const partialPath = (path: string): string => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`)

/** Where a file goes, and the working file (beside it) it is written to first. */
export interface ExportTarget {
  path: string
  partial: string
}

/**
 * Content written in pieces (each whole characters: a piece never ends inside a surrogate pair),
 * encoded into one reused buffer of a few megabytes that is written each time it fills.
 */
export type ExportSink = (piece: string | Uint8Array) => void

const CHUNK_BYTES = 1 << 20

/**
 * Writes what `fill` gives into the open file and fsyncs it. Text is encoded straight into one
 * reused buffer (no joined string, no new buffer per piece, no pass to measure it first), written
 * each time it fills: what does not fit goes into the next fill.
 */
function fillSynced(fd: number, fill: (write: ExportSink) => void): void {
  const buffer = new Uint8Array(CHUNK_BYTES)
  const encoder = new TextEncoder()
  let used = 0
  const flush = (): void => {
    writeAll(fd, buffer.subarray(0, used))
    used = 0
  }
  fill((piece) => {
    if (typeof piece !== 'string') {
      flush()
      writeAll(fd, piece)
      return
    }
    let rest = piece
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used))
      used += written
      if (read === rest.length) return
      flush()
      rest = rest.slice(read)
    }
  })
  flush()
  fsyncSync(fd)
}

const asExportError = (error: unknown): CoreError => (error instanceof CoreError ? error : ioError(error))

/**
 * temp (same folder, private mode) + fsync + rename + fsync the folder. `fill` writes the content
 * through the sink, so a large export never has to be one string in memory. Returns the file's name.
 */
export function writeStreamAtomic({ path, partial: temp }: ExportTarget, fill: (write: ExportSink) => void): string {
  try {
    const fd = openSync(temp, 'wx', 0o600)
    try {
      fillSynced(fd, fill)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
    fsyncDirectory(dirname(path))
  } catch (error) {
    rmSync(temp, { force: true })
    throw asExportError(error)
  }
  return basename(path)
}

/** One string or byte array, written as writeStreamAtomic does. */
export const writeFileAtomic = (target: ExportTarget, data: string | Uint8Array): string => writeStreamAtomic(target, (write) => write(data))

/** Bytes the main process holds (a printed PDF), written as writeFileAtomic does without blocking its event loop. */
export async function writeBytesAtomic({ path, partial: temp }: ExportTarget, bytes: Uint8Array): Promise<string> {
  try {
    await writeSyncedFile(temp, bytes, 'wx')
    await rename(temp, path)
    fsyncDirectory(dirname(path))
  } catch (error) {
    await rm(temp, { force: true })
    throw ioError(error)
  }
  return basename(path)
}

/** Creates `<parent>/<name>` or `<parent>/<name> (2)`, … and returns its path. */
export function createFreshFolder(parent: string, name: string): string {
  for (let n = 1; n < 1000; n++) {
    const path = join(parent, n === 1 ? name : `${name} (${n})`)
    try {
      mkdirSync(path, { mode: 0o700 })
      return path
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') continue
      throw ioError(error)
    }
  }
  throw ioError({ code: 'EEXIST' })
}

/** A new file (never one that exists) written through a sink as writeStreamAtomic does; the caller removes it on failure. */
export function writeNewFileStreamed(path: string, fill: (write: ExportSink) => void): void {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (error) {
    throw ioError(error)
  }
  try {
    fillSynced(fd, fill)
  } catch (error) {
    throw asExportError(error)
  } finally {
    closeSync(fd)
  }
}

/** Writes a new file; refuses to replace one. */
export const writeNewFile = (path: string, content: string): void => writeNewFileStreamed(path, (write) => write(content))
