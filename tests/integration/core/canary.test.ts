import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { filesContaining } from '../../helpers/data-dir'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

const CANARY = 'canaryQx7Vb2'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const sqliteTempFiles = () =>
  ['/var/tmp', '/usr/tmp', tmpdir()].flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => name.startsWith('etilqs_')).map((name) => join(dir, name))
    } catch {
      return []
    }
  })

describe('no plaintext of the person’s writing on disk', () => {
  it('a canary in every text field appears in no file of the data folder, before and after delete + checkpoint', () => {
    const written = writeOneOfEverything(vault.core, CANARY)
    // Sorting and searching are where SQLite would spill to temp files.
    vault.core.search.query({ query: CANARY, limit: 50, cursor: null })
    vault.core.reflections.list({ limit: 500, before: null, tag: null })
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
    expect(sqliteTempFiles()).toEqual([])

    const { core } = vault
    for (const [service, item] of [
      [core.reflections, written.reflection],
      [core.talkingPoints, written.talkingPoint],
      [core.drafts, written.draft],
      [core.contacts, written.contact],
      [core.absences, written.absence],
      [core.sessions, written.session],
    ] as const) {
      service.delete({ id: item.id })
    }
    core.rules.delete({ id: written.rule.id })
    core.therapists.delete({ id: written.therapist.id })
    expect(filesContaining(vault.dir, CANARY)).toEqual([])

    core.lock('manual')
    expect(filesContaining(vault.dir, CANARY)).toEqual([])
  })
})
