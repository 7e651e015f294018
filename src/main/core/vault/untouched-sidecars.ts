/**
 * SQLite's read-only connection to a WAL database still creates `-wal` and `-shm` when they are
 * missing, and may rebuild a stale `-shm` index. A failed unlock must leave the folder exactly as
 * it was, so the probe that proves the key and the page check (in a worker, awaited) run inside
 * this guard: files that did not exist are removed once they are done (every connection closed),
 * and a `-shm` that existed gets its bytes back.
 * (The `-wal` is never written by a read-only connection, which also never checkpoints.)
 * The caller holds the folder lock, so no other process is using these files meanwhile.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { removeIfPresent } from './atomic-write'

export async function withUntouchedSidecars<T>(databasePath: string, probe: () => Promise<T>): Promise<T> {
  const wal = `${databasePath}-wal`
  const shm = `${databasePath}-shm`
  const walExisted = existsSync(wal)
  const shmBefore = existsSync(shm) ? readFileSync(shm) : null
  try {
    return await probe()
  } finally {
    if (!walExisted) removeIfPresent(wal)
    if (shmBefore === null) removeIfPresent(shm)
    else if (!readFileSync(shm).equals(shmBefore)) writeFileSync(shm, shmBefore)
  }
}
