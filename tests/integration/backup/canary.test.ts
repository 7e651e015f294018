import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { filesContaining } from '../../helpers/data-dir'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { makeTempDir, TEST_PASSPHRASE } from '../../helpers/test-vault'
import { createBackupVault, leftoverWorkDirs, siblingsOf, type BackupVault } from './backup-helpers'

const CANARY = 'canaryTx5Lm1'
const sqliteTempFiles = () =>
  ['/var/tmp', '/usr/tmp', tmpdir()].flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => name.startsWith('etilqs_'))
    } catch {
      return []
    }
  })

let vault: BackupVault
let out: string
beforeEach(async () => {
  vault = await createBackupVault()
  out = makeTempDir('between-canary-out-')
})
afterEach(() => vault.cleanup())

describe('no plaintext of the person’s writing on disk, except where they asked for it', () => {
  it('backups, tests and restores leave none; each plaintext export only in the chosen place', async () => {
    writeOneOfEverything(vault.core, CANARY)
    const { value } = (await dispatch(vault.handlers, 'backup.now', {})) as { value: { name: string } }
    await dispatch(vault.handlers, 'backup.test', { source: { name: value.name } })
    await dispatch(vault.handlers, 'backup.test', { source: { name: value.name }, unlock: { passphrase: TEST_PASSPHRASE } })
    await dispatch(vault.handlers, 'backup.restore', { source: { name: value.name }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(filesContaining(vault.folder, CANARY)).toEqual([])
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
    // The vault kept aside by the restore is encrypted too.
    const aside = siblingsOf(vault.dir)
    expect(aside).toHaveLength(1)
    for (const name of aside) expect(filesContaining(join(vault.dir, '..', name), CANARY)).toEqual([])
    expect(leftoverWorkDirs(vault.dir)).toEqual([])
    expect(sqliteTempFiles()).toEqual([])

    // Only after an explicit export, and only in the file or folder the dialog returned.
    const range = { confirmUnencrypted: true, timeZone: 'Europe/London' } as const
    vault.dialogs.answers.save = join(out, 'all.json')
    await dispatch(vault.handlers, 'export.json', { confirmUnencrypted: true })
    vault.dialogs.answers.save = join(out, 'range.md')
    await dispatch(vault.handlers, 'export.markdownDocument', range)
    vault.dialogs.answers.folder = out
    await dispatch(vault.handlers, 'export.markdownFolder', range)
    const hits = filesContaining(out, CANARY).sort()
    expect(hits).toHaveLength(4)
    expect(hits[0]).toMatch(/^Between export 2026-03-03\/2026-03-02-1700-session-[0-9a-f]{8}\.md$/)
    expect(hits[1]).toMatch(/^Between export 2026-03-03\/2026-03-03-0900-reflection-[0-9a-f]{8}\.md$/)
    expect(hits.slice(2)).toEqual(['all.json', 'range.md'])
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
    expect(filesContaining(vault.folder, CANARY)).toEqual([])
    expect(sqliteTempFiles()).toEqual([])
  })
})
