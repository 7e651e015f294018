/** Reading a file the person chose to import: size limit first, then strict UTF-8, then JSON. */
import { open, type FileHandle } from 'node:fs/promises'
import { ioError } from '../vault/failures'
import { ImportError, MAX_IMPORT_BYTES } from './import-error'

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

export const isZip = (bytes: Buffer): boolean => bytes.subarray(0, 4).equals(ZIP_MAGIC)

/**
 * The file's bytes, read without blocking the event loop, in shared memory: each job that plans
 * or applies them (a worker) sees the same bytes without a copy on this thread.
 */
export async function readImportBytes(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  let file: FileHandle
  try {
    file = await open(path, 'r')
  } catch (error) {
    throw ioError(error)
  }
  try {
    const { size } = await file.stat()
    if (size > maxBytes) throw new ImportError('too_large')
    if (size === 0) throw new ImportError('empty')
    const bytes = new Uint8Array(new SharedArrayBuffer(size))
    let offset = 0
    while (offset < size) {
      const { bytesRead } = await file.read(bytes, offset, size - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return bytes.subarray(0, offset)
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw ioError(error)
  } finally {
    await file.close()
  }
}

/** Strict UTF-8 (a leading BOM dropped); a zip archive gets its own sentence. */
export function decodeImportText(bytes: Buffer): string {
  if (isZip(bytes)) throw new ImportError('zip_archive')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError('not_text')
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** "line 4, column 12" for a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return `line ${line}, column ${end - lineStart + 1}`
}

/**
 * JSON.parse with a location on failure. V8's message may quote the text near the error, so
 * only the position number is taken from it.
 */
export function parseJsonWithLocation(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    const position = /position (\d+)/.exec(message)
    const offset = position ? Number(position[1]) : text.length
    throw new ImportError('not_json', lineAndColumn(text, offset))
  }
}
