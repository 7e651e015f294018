import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { GONE_AFTER_MS } from '../../../src/main/core/sync/compaction'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { canaryForms } from '../../helpers/sync/canary-forms'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'
import type { TestVault } from '../../helpers/test-vault'

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
    const core = two.laptop.core
    const homework = [
      core.thoughtRecords.create({
        happenedAt: Date.UTC(2026, 2, 2, 9),
        situation: `situation ${CANARY}`,
        emotions: [{ name: `emotion${CANARY}`, before: 80, after: 40 }],
        thoughts: [{ text: `thought ${CANARY}`, belief: 90, hot: true, traps: ['mind_reading' as const] }],
        evidenceFor: `for ${CANARY}`,
        evidenceAgainst: `against ${CANARY}`,
        balancedThought: `balanced ${CANARY}`,
        balancedBelief: 70,
        bringToSession: true,
      }),
      core.diaryCard.saveDay({ day: '2026-03-02', timeZone: 'Europe/London', emotions: { Sadness: 3 }, urges: {}, behaviours: {}, skills: [`skill${CANARY}`], note: `diary ${CANARY}` }),
      core.checkIns.create({ questionnaire: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], takenAt: Date.UTC(2026, 2, 2, 10), note: `check-in ${CANARY}` }),
      core.templates.create({ title: `template ${CANARY}`, body: `prompt ${CANARY}` }),
    ]
    core.diaryCard.markWeek({ weekStart: '2026-03-02', bringToSession: true })
    await enableBoth(two)
    await two.settle()
    // The homework tables travel too (what the audit below checks is their sealed form).
    for (const table of ['thought_records', 'diary_card_days', 'diary_card_weeks', 'check_ins', 'reflection_templates', 'homework_settings']) {
      const count = (v: TestVault) => (v.core.vault.db().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
      expect({ table, n: count(two.desk) }).toEqual({ table, n: count(two.laptop) })
    }
    expect(two.desk.core.diaryCard.week({ weekStart: '2026-03-02' })).toEqual(core.diaryCard.week({ weekStart: '2026-03-02' }))
    two.desk.core.reflections.update({ id: written.reflection.id, patch: { body: `edited ${CANARY} on the desk` } })
    await two.settle()
    const records = [written.therapist, written.session, written.reflection, written.talkingPoint, written.draft, written.contact, written.absence, written.rule, ...homework]
    const forms = canaryForms({
      texts: [CANARY, 'Laptop', 'reflections', 'therapists', 'tagsleep', 'diary_card_days', 'thought_records', '2026-03-02'],
      ids: records.map((r) => r.id),
      times: [...records.flatMap((r) => ('createdAt' in r ? [r.createdAt] : [])), written.session.startsAt, written.contact.at, two.laptop.clock.now()],
    })
    const folder = two.folder
    const audit = (): string[] => {
      const files = everyFile(folder)
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
        const relativePath = path.slice(folder.length + 1)
        expect(relativePath).toMatch(/^(between-sync\.json|(devices|snapshots)\/[0-9a-f]{16}\/[0-9]{10})$/)
        if (relativePath !== 'between-sync.json') expect([512, 1024, 4096, 16384, 65536, 262144]).toContain(statSync(path).size)
      }
      return files
    }
    expect(audit().length).toBeGreaterThanOrEqual(3)

    // Compaction: a sealed snapshot of everything joins the folder and the files it covers go.
    for (let round = 0; round < 2; round++) {
      for (const v of [two.laptop, two.desk]) await v.core.sync.syncNow({ policy: { goneAfterMs: GONE_AFTER_MS, compactEveryFiles: 1 } })
    }
    expect(everyFile(join(folder, 'snapshots'))).toHaveLength(1)
    audit()
  })
})
