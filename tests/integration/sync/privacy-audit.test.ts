import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { canaryForms } from '../../helpers/sync/canary-forms'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'

const CANARY = 'canaryQx7Vb2'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? everyFile(path) : [path]
  })
}

describe('what the folder provider sees', () => {
  it('no byte in the sync folder carries a text, an ID, a time or a device name in any form', async () => {
    two = await twoComputers()
    const written = writeOneOfEverything(two.laptop.core, CANARY)
    await enableBoth(two)
    await two.settle()
    two.desk.core.reflections.update({ id: written.reflection.id, patch: { body: `edited ${CANARY} on the desk` } })
    await two.settle()

    const records = [written.therapist, written.session, written.reflection, written.talkingPoint, written.draft, written.contact, written.absence, written.rule]
    const forms = canaryForms({
      texts: [CANARY, 'Laptop', 'reflections', 'therapists', 'tagsleep'],
      ids: records.map((r) => r.id),
      times: [...records.flatMap((r) => ('createdAt' in r ? [r.createdAt] : [])), written.session.startsAt, written.contact.at, two.laptop.clock.now()],
    })
    const files = everyFile(two.folder)
    expect(files.length).toBeGreaterThanOrEqual(3)
    const leaks: string[] = []
    for (const path of files) {
      const bytes = readFileSync(path)
      for (const form of forms) {
        if (bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))) leaks.push(`${path}: ${form}`)
      }
    }
    expect(leaks).toEqual([])
    // Names say only which device and which file in sequence; sizes are padded buckets.
    for (const path of files) {
      const relativePath = path.slice(two.folder.length + 1)
      expect(relativePath).toMatch(/^(between-sync\.json|devices\/[0-9a-f]{16}\/[0-9]{10})$/)
      if (relativePath !== 'between-sync.json') expect([512, 1024, 4096, 16384, 65536, 262144]).toContain(statSync(path).size)
    }
  })
})
