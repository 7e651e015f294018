/**
 * Names inside the sync folder. Only exact names are ever read as Between's files:
 *
 *   between-sync.json                 the sync header
 *   devices/<16 hex>/<10 digits>      one device's operation file, by sequence
 *   snapshots/<16 hex>/<10 digits>    a compacted snapshot, by the device that wrote it
 *
 * Everything else is some engine's working or conflict file and is never applied: Syncthing's
 * `.syncthing.*.tmp` and `*.sync-conflict-*`, Dropbox's and Nextcloud's "conflicted copy" and
 * "(conflict …)", OneDrive's "-<computer name>" copies, iCloud's `.<name>.icloud` placeholders,
 * our own `*.tmp` writes in progress. They are counted so Settings can say what is waiting.
 */
import type { SyncFolder } from './folder'
import { DEVICE_ID_PATTERN } from './hlc'

export const HEADER_NAME = 'between-sync.json'
export const DEVICES_DIR = 'devices'
export const SNAPSHOTS_DIR = 'snapshots'
const SEQUENCE_DIGITS = 10
const SEQUENCE_PATTERN = /^[0-9]{10}$/

export const sequenceName = (sequence: number): string => String(sequence).padStart(SEQUENCE_DIGITS, '0')

export const opFilePath = (device: string, sequence: number): string => `${DEVICES_DIR}/${device}/${sequenceName(sequence)}`
export const snapshotPath = (device: string, sequence: number): string =>
  `${SNAPSHOTS_DIR}/${device}/${sequenceName(sequence)}`

export type FolderEntry =
  | { kind: 'op' | 'snapshot'; device: string; sequence: number }
  | { kind: 'header' }
  | { kind: 'ignored'; why: 'conflict-copy' | 'placeholder' | 'in-progress' | 'unknown' }

const CONFLICT_MARKERS = [/\.sync-conflict-/i, /conflicted copy/i, /\(conflict/i, /\bconflict\b/i]

function whyIgnored(name: string): 'conflict-copy' | 'placeholder' | 'in-progress' | 'unknown' {
  if (CONFLICT_MARKERS.some((marker) => marker.test(name))) return 'conflict-copy'
  if (name.endsWith('.icloud') || name.endsWith('.cloud') || name.endsWith('.cloudf')) return 'placeholder'
  if (name.endsWith('.tmp') || name.startsWith('.syncthing.') || name.startsWith('~') || name.endsWith('.partial')) {
    return 'in-progress'
  }
  return 'unknown'
}

/** Classifies a path relative to the sync folder, with '/' separators. */
export function classifyPath(path: string): FolderEntry {
  if (path === HEADER_NAME) return { kind: 'header' }
  if (path.length === OP_PATH_LENGTH || path.length === SNAPSHOT_PATH_LENGTH) {
    const known = knownFile(path)
    if (known) return known
  }
  const parts = path.split('/')
  return { kind: 'ignored', why: whyIgnored(parts[parts.length - 1] ?? '') }
}

const OP_PATH_LENGTH = DEVICES_DIR.length + 1 + 16 + 1 + SEQUENCE_DIGITS
const SNAPSHOT_PATH_LENGTH = SNAPSHOTS_DIR.length + 1 + 16 + 1 + SEQUENCE_DIGITS

function knownFile(path: string): FolderEntry | null {
  const parts = path.split('/')
  if (parts.length === 3) {
    const [top, device = '', file = ''] = parts
    const kind = top === DEVICES_DIR ? 'op' : top === SNAPSHOTS_DIR ? 'snapshot' : null
    if (kind && DEVICE_ID_PATTERN.test(device) && SEQUENCE_PATTERN.test(file)) {
      return { kind, device, sequence: Number(file) }
    }
  }
  return null
}

/**
 * The sequences of the files in `<top>/<device>/` that classifyPath calls Between's ('op' under
 * devices, 'snapshot' under snapshots), unsorted: the same answer as classifying each name's
 * whole path, without building and splitting it (the passes look through these folders often,
 * and they hold hundreds of files while a device is away). A file's name is sequenceName(sequence).
 */
export function fileSequences(folder: SyncFolder, top: typeof DEVICES_DIR | typeof SNAPSHOTS_DIR, device: string): number[] {
  if (!DEVICE_ID_PATTERN.test(device)) return []
  const sequences: number[] = []
  for (const name of folder.list(`${top}/${device}`)) {
    const sequence = fileSequence(name)
    if (sequence !== null) sequences.push(sequence)
  }
  return sequences
}

/**
 * The sequence a Between file's name in a device's folder gives (the device's id already checked),
 * or null for any other name: SEQUENCE_PATTERN's answer, read digit by digit (the passes ask it of
 * every name in every device's folder, without a regular expression and a Number() per name).
 */
export function fileSequence(name: string): number | null {
  if (name.length !== SEQUENCE_DIGITS) return null
  let sequence = 0
  for (let i = 0; i < SEQUENCE_DIGITS; i++) {
    const digit = name.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return null
    sequence = sequence * 10 + digit
  }
  return sequence
}

/**
 * Whether a change at `path` (relative to the sync folder) may mean another device wrote: not
 * this device's own files, not an engine's temporary, conflict or placeholder file. Folders and
 * other unknown names count (a new device's folder can arrive with its first file inside).
 */
export function wakesSync(path: string, self: string): boolean {
  const [top, device] = path.split('/')
  if (top === DEVICES_DIR && device === self) return false
  const entry = classifyPath(path)
  return entry.kind !== 'ignored' || entry.why === 'unknown'
}
