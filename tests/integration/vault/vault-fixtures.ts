/** Shared set-up for the vault's integration tests: real encrypted databases in temp folders. */
import type Database from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { expect } from 'vitest'
import { CoreError } from '../../../src/main/core/errors'
import type { KdfCost, Logger } from '../../../src/main/core/ports'
import type { ErrorCode } from '../../../src/shared/ipc/result'
import { createVaultService, type VaultService, type VaultServiceOptions } from '../../../src/main/core/vault/vault.service'

export const CHEAP: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }
export const PASSPHRASE = 'correct horse battery staple'
export const OTHER_PASSPHRASE = 'a different, longer passphrase'

export const SCHEMA = 'CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'
export const migrateNotes = (db: Database.Database): void => void db.exec(SCHEMA)

export interface RecordingLogger extends Logger {
  lines: Array<{ level: 'error' | 'warn'; code: string; detail?: Record<string, string | number | boolean> }>
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = []
  return {
    lines,
    error: (code, detail) => void lines.push({ level: 'error', code, ...(detail ? { detail } : {}) }),
    warn: (code, detail) => void lines.push({ level: 'warn', code, ...(detail ? { detail } : {}) }),
  }
}

const made: string[] = []

/** A fresh folder under the OS temp dir; removed by cleanupTempDirs(). */
export function tempDir(prefix = 'between-vault-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** The vault folder inside a fresh temp dir (the vault creates it). */
export const vaultDir = (): string => join(tempDir(), 'vault')

export function makeVault(dataDir: string, overrides: Partial<VaultServiceOptions> = {}): VaultService {
  return createVaultService({
    dataDir,
    clock: { now: () => Date.UTC(2026, 2, 3, 9, 0) },
    logger: recordingLogger(),
    kdfCost: CHEAP,
    onOpen: migrateNotes,
    ...overrides,
  })
}

/** A created vault holding `rows` notes, still unlocked. */
export async function createdVault(rows = 3, overrides: Partial<VaultServiceOptions> = {}) {
  const dir = vaultDir()
  const vault = makeVault(dir, overrides)
  const { recoveryKey } = await vault.create(PASSPHRASE)
  insertNotes(vault.db(), rows)
  return { dir, vault, recoveryKey }
}

export function insertNotes(db: Database.Database, count: number, size = 60): void {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`note ${i} `.padEnd(size, 'x'))
  })()
}

export const noteCount = (db: Database.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n

/** Every file under dir (recursively) -> sha256 of its bytes. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return out
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<CoreError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected CoreError ${code}, but it succeeded`)
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CoreError)
  expect((error as CoreError).code).toBe(code)
  return error as CoreError
}

export function expectCodeSync(fn: () => unknown, code: ErrorCode): CoreError {
  let thrown: unknown
  try {
    fn()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(CoreError)
  expect((thrown as CoreError).code).toBe(code)
  return thrown as CoreError
}

/** Flip one bit of the byte at `offset` in a file. */
export function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path)
  bytes[offset] = (bytes[offset] as number) ^ 0x01
  writeFileSync(path, bytes)
}
