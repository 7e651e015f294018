/**
 * A damaged frame in a live WAL that SQLite still accepts: the byte is flipped inside the
 * encrypted page (so the page's HMAC fails) and the WAL's running checksums are recomputed from
 * that frame on (so SQLite does not simply stop reading the WAL there).
 */
import { readFileSync, writeFileSync } from 'node:fs'

const WAL_HEADER = 32
const FRAME_HEADER = 24

function checksum(bytes: Buffer, start: number, end: number, seed: [number, number], bigEndian: boolean): [number, number] {
  let [s0, s1] = seed
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i)
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4)
    s0 = (s0 + x0 + s1) >>> 0
    s1 = (s1 + x1 + s0) >>> 0
  }
  return [s0, s1]
}

export function walFrameCount(walPath: string): { frames: number; pageSize: number } {
  const wal = readFileSync(walPath)
  const pageSize = wal.readUInt32BE(8)
  return { frames: Math.floor((wal.length - WAL_HEADER) / (FRAME_HEADER + pageSize)), pageSize }
}

/** Flips one byte inside frame `frame`'s page and re-seals the checksums of every frame from there. */
export function damageWalFrame(walPath: string, frame: number, offsetInPage: number): void {
  const wal = readFileSync(walPath)
  const bigEndian = (wal.readUInt32BE(0) & 1) === 1
  const pageSize = wal.readUInt32BE(8)
  const frameSize = FRAME_HEADER + pageSize
  const frames = Math.floor((wal.length - WAL_HEADER) / frameSize)
  const at = WAL_HEADER + frame * frameSize + FRAME_HEADER + offsetInPage
  wal[at] = (wal[at] as number) ^ 0x01
  let seed: [number, number] = [wal.readUInt32BE(24), wal.readUInt32BE(28)]
  for (let f = 0; f < frames; f++) {
    const start = WAL_HEADER + f * frameSize
    if (f >= frame) {
      seed = checksum(wal, start, start + 8, seed, bigEndian)
      seed = checksum(wal, start + FRAME_HEADER, start + frameSize, seed, bigEndian)
      wal.writeUInt32BE(seed[0], start + 16)
      wal.writeUInt32BE(seed[1], start + 20)
    } else seed = [wal.readUInt32BE(start + 16), wal.readUInt32BE(start + 20)]
  }
  writeFileSync(walPath, wal)
}
