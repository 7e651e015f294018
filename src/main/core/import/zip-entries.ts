/**
 * Reading the JSON files out of a zip archive (Day One exports a zip: one JSON file per
 * journal, and folders of photos that Between does not import). Only stored and deflated
 * entries are read, through node:zlib; the unzipped size is bounded so a small archive cannot
 * expand without limit.
 */
import { inflateRawSync } from 'node:zlib'
import { ImportError } from './import-error'

export interface ZipTextEntry {
  name: string
  bytes: Buffer
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export function zipEntries(zip: Buffer, wanted: (name: string) => boolean, maxTotalBytes: number): { entries: ZipTextEntry[]; others: number } {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd === -1) throw new ImportError('broken_zip')
  const count = zip.readUInt16LE(eocd + 10)
  let offset = zip.readUInt32LE(eocd + 16)
  const entries: ZipTextEntry[] = []
  let others = 0
  let total = 0
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw new ImportError('broken_zip')
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const size = zip.readUInt32LE(offset + 24)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localOffset = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    offset += 46 + nameLength + extraLength + commentLength
    if (name.endsWith('/')) continue
    if (!wanted(name)) {
      others++
      continue
    }
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) throw new ImportError('broken_zip')
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
    const data = zip.subarray(dataStart, dataStart + compressedSize)
    total += size
    if (total > maxTotalBytes) throw new ImportError('too_large')
    let bytes: Buffer
    try {
      if (method === 0) bytes = Buffer.from(data)
      else if (method === 8) bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, maxTotalBytes) })
      else throw new ImportError('broken_zip')
    } catch (error) {
      if (error instanceof ImportError) throw error
      throw new ImportError('broken_zip')
    }
    entries.push({ name, bytes })
  }
  return { entries, others }
}
