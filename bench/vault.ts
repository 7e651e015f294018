/**
 * Vault costs: what the calibrated Argon2id picks here, how long an unlock takes with it, and
 * what the integrity check at every unlock (PRAGMA quick_check) adds on a 10k-row database.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger, systemClock } from '../src/main/core/ports'
import { parseHeader } from '../src/main/core/vault/header'
import { openEncryptedDatabase } from '../src/main/core/vault/open-database'
import { createVaultService } from '../src/main/core/vault/vault.service'
import { generateDataKey } from '../src/main/core/vault/wrap'
import { summarize, timeRuns, timeRunsAsync, type Figure } from './measure'

const PASSPHRASE = 'bench passphrase, long enough'
const ROWS = 10_000

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS reflections (id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS reflections_created ON reflections (created_at);
  CREATE VIRTUAL TABLE IF NOT EXISTS reflections_fts USING fts5 (body, content='reflections', content_rowid='id');
  CREATE TRIGGER IF NOT EXISTS reflections_ai AFTER INSERT ON reflections BEGIN
    INSERT INTO reflections_fts (rowid, body) VALUES (new.id, new.body);
  END;`

const WORDS = 'today session felt heavy again light talked about work mother sleep anxious calmer boundaries call week'.split(' ')

function fill(db: Database.Database, rows: number): void {
  const insert = db.prepare('INSERT INTO reflections (created_at, body) VALUES (?, ?)')
  const random = randomBytes(rows * 60)
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const words: string[] = []
      for (let w = 0; w < 60; w++) words.push(WORDS[(random[i * 60 + w] as number) % WORDS.length] as string)
      insert.run(Date.UTC(2026, 0, 1) + i * 3_600_000, words.join(' '))
    }
  })()
}

export default async function vaultBench(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'between-bench-vault-'))
  const figures: Figure[] = []
  try {
    // 1. Calibrated default KDF: create once (calibration runs here), then unlock 5 times.
    const dir = join(root, 'calibrated')
    const vault = createVaultService({ dataDir: dir, clock: systemClock, logger: silentLogger, onOpen: (db) => void db.exec(SCHEMA) })
    const createStart = performance.now()
    await vault.create(PASSPHRASE)
    const createMs = performance.now() - createStart
    const { passphrase: kdf } = parseHeader(readFileSync(vault.paths.header, 'utf8'))
    const params = `argon2id m=${kdf.memoryKiB / 1024} MiB t=${kdf.iterations} p=${kdf.parallelism}`
    figures.push({ name: 'create (incl. calibration)', unit: 'ms', ...summarize([createMs]), note: params })

    vault.lock()
    const unlock = await timeRunsAsync(
      async () => {
        await vault.unlock({ passphrase: PASSPHRASE })
        vault.lock()
      },
      5,
      1,
    )
    figures.push({ name: 'unlock, empty vault, calibrated KDF', unit: 'ms', ...summarize(unlock), note: params })

    // 2. The same vault with 10k reflections: the unlock now includes quick_check over them.
    await vault.unlock({ passphrase: PASSPHRASE })
    fill(vault.db(), ROWS)
    vault.lock()
    const sizeMB = statSync(vault.paths.database).size / 2 ** 20
    const unlockFull = await timeRunsAsync(
      async () => {
        await vault.unlock({ passphrase: PASSPHRASE })
        vault.lock()
      },
      5,
      1,
    )
    figures.push({
      name: `unlock, ${ROWS} rows (${sizeMB.toFixed(1)} MB), calibrated KDF`,
      unit: 'ms',
      ...summarize(unlockFull),
      note: 'KDF + open + quick_check + onOpen',
    })

    // 3. The integrity checks alone, each on a fresh connection (cold page cache).
    const path = join(root, 'checks.db')
    const key = generateDataKey()
    const seed = openEncryptedDatabase(path, key, { create: true })
    seed.exec(SCHEMA)
    fill(seed, ROWS)
    seed.close()
    const checkOn = (pragma: string) =>
      timeRuns(() => {
        const db = openEncryptedDatabase(path, key)
        db.pragma(pragma)
        db.close()
      }, 7)
    const openOnly = timeRuns(() => openEncryptedDatabase(path, key).close(), 7)
    const quick = summarize(checkOn('quick_check'))
    const open = summarize(openOnly)
    figures.push({ name: `open + quick_check, ${ROWS} rows`, unit: 'ms', ...quick, baseline: { label: 'open only', ...open } })
    figures.push({ name: `open + integrity_check, ${ROWS} rows`, unit: 'ms', ...summarize(checkOn('integrity_check')), baseline: { label: 'open only', ...open } })
    key.fill(0)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
  return figures
}
