/**
 * SQLite's read-only connection to a WAL database still creates `-wal` and `-shm` when they are
 * missing, and may rebuild a stale `-shm` index. A failed unlock must leave the folder exactly as
 * it was, so the probe that proves the key and checks the pages runs inside this guard: files
 * that did not exist are removed afterwards, and a `-shm` that existed gets its bytes back.
 * (The `-wal` is never written by a read-only connection, which also never checkpoints.)
 * The caller holds the folder lock, so no other process is using these files meanwhile.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { removeIfPresent } from './atomic-write'

export function withUntouchedSidecars<T>(databasePath: string, probe: () => T): T {
  const wal = `${databasePath}-wal`
  const shm = `${databasePath}-shm`
  const walExisted = existsSync(wal)
  const shmBefore = existsSync(shm) ? readFileSync(shm) : null
  try {
    return probe()
  } finally {
    if (!walExisted) removeIfPresent(wal)
    if (shmBefore === null) removeIfPresent(shm)
    else if (!readFileSync(shm).equals(shmBefore)) writeFileSync(shm, shmBefore)
  }
}
