/**
 * A backup interrupted by SIGKILL (a crash, a power cut) leaves its working folder under the
 * vault folder and a `.partial` container in the backup folder; the next start removes both,
 * and the vault opens with everything in it (issue 14, point 6).
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { killChildWhen } from '../../helpers/kill-child'
import { TEST_PASSPHRASE } from '../../helpers/test-vault'
import { createBackupVault, leftoverWorkDirs, type BackupVault } from './backup-helpers'

const CHILD = fileURLToPath(new URL('./fixtures/backup-until-killed.ts', import.meta.url))
const ENTRIES = 3_000

let vault: BackupVault
afterEach(() => vault?.cleanup())

const killDuring = (phase: string, dataDir: string, folder: string) => killChildWhen(CHILD, [dataDir, folder], (line) => line === `phase ${phase}`)

describe('a backup killed part way', () => {
  it('leaves leftovers that the next start removes; the vault opens whole', async () => {
    vault = await createBackupVault()
    const db = vault.core.vault.db()
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) vault.core.reflections.create({ body: `entry ${i} `.repeat(60), tags: [], mood: null, sessionId: null, bringToSession: false })
    })()
    vault.core.close()

    const seen = await killDuring('writing', vault.dir, vault.folder)
    expect(seen).toContain('phase writing')
    expect(seen).not.toContain('finished')
    // What the kill left: the working folder, and the container being written (or, if the kill
    // came after its rename, the complete container the read-back had not yet checked).
    expect(leftoverWorkDirs(vault.dir)).toHaveLength(1)
    const partials = readdirSync(vault.folder).filter((name) => name.endsWith('.partial'))
    const complete = readdirSync(vault.folder).filter((name) => name.endsWith('.betweenbackup'))
    expect(partials.length + complete.length).toBe(1)

    const core = vault.reopen()
    expect(leftoverWorkDirs(vault.dir)).toEqual([])
    expect(readdirSync(vault.folder).filter((name) => name.endsWith('.partial'))).toEqual([])
    // A complete container that was never read back is still judged by its checksum when listed.
    for (const backup of (await core.backups.listAvailable()).backups) expect(backup.intact).toBe(true)
    await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    const handlers = createHandlers(core)
    expect(core.vault.db().pragma('quick_check', { simple: true })).toBe('ok')
    const made = await dispatch(handlers, 'backup.now', {})
    expect(made).toMatchObject({ ok: true, value: { status: 'written', counts: { reflections: ENTRIES } } })
    expect(readdirSync(vault.folder).filter((name) => !name.endsWith('.betweenbackup'))).toEqual([])
    core.close()
  }, 120_000)
})
