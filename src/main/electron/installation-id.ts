import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomicSync } from '../core/vault/atomic-write'

export const INSTALLATION_ID_FILE = 'installation-id'
const ID_PATTERN = /^[0-9a-f]{32}$/

/**
 * This installation's random id, in `installation-id` in userData: outside the vault folder, so
 * a backup restored here keeps it and a vault copied to another computer meets another one. Sync
 * records it when it is turned on, and a vault whose sync was turned on elsewhere joins as this
 * computer before it writes (SYNC_MOVED). A missing or unreadable file gets a new id.
 */
export function installationId(userData: string): string {
  const path = join(userData, INSTALLATION_ID_FILE)
  try {
    const stored = readFileSync(path, 'utf8').trim()
    if (ID_PATTERN.test(stored)) return stored
  } catch {
    // Not there yet (a first start), or unreadable: a new one below.
  }
  const id = randomBytes(16).toString('hex')
  mkdirSync(userData, { recursive: true })
  writeFileAtomicSync(path, `${id}\n`)
  return id
}
