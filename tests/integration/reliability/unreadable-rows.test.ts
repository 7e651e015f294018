/**
 * One bad row never takes down a list. Rows that break the contract are written with raw SQL
 * (as another tool, a damaged sync or an older bug could leave them); every read path still
 * answers ok, leaves the row out, counts it where its answer has a count, and Settings → Repair
 * lists it with its text. A write whose answer would break the contract is rolled back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { readEverything } from '../../helpers/read-everything'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  const backups = makeTempDir('between-bad-rows-backups-')
  vault = await createTestVault({ backupFolder: { get: () => backups, set: () => undefined } })
})
afterEach(() => vault.cleanup())

/** Raw SQL as another tool could write it: the schema's CHECK constraints and foreign keys off. */
const raw = (sql: string, ...params: unknown[]) => {
  const db = vault.core.vault.db()
  db.pragma('ignore_check_constraints=ON')
  db.pragma('foreign_keys=OFF')
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.pragma('ignore_check_constraints=OFF')
    db.pragma('foreign_keys=ON')
  }
}
const call = (channel: string, input: unknown) => dispatch(vault.handlers, channel, input)

/** Ways a stored row can break the contract, one per record kind. */
const DAMAGE: Array<{ domain: string; sql: string }> = [
  { domain: 'reflections', sql: "UPDATE reflections SET created_at = 'yesterday' WHERE id = ?" },
  { domain: 'sessions', sql: 'UPDATE sessions SET starts_at = 9000000000000000 WHERE id = ?' },
  { domain: 'sessions', sql: "UPDATE sessions SET duration_minutes = 'long', status = 'gone' WHERE id = ?" },
  { domain: 'rules', sql: "UPDATE rules SET params = '{' WHERE id = ?" },
  { domain: 'contacts', sql: 'UPDATE contacts SET at = -9000000000000000 WHERE id = ?' },
  { domain: 'drafts', sql: 'UPDATE drafts SET remind_at = 1.5 WHERE id = ?' },
  { domain: 'talkingPoints', sql: "UPDATE talking_points SET status = 'lost' WHERE id = ?" },
  { domain: 'absences', sql: "UPDATE absences SET starts_at = 'soon' WHERE id = ?" },
  { domain: 'therapists', sql: "UPDATE therapists SET name = x'00ff' WHERE id = ?" },
]

describe('rows this version cannot show', () => {
  for (const { domain, sql } of DAMAGE) {
    it(`skips, counts and lists a bad ${domain} row (${sql.slice(0, 40)}…)`, async () => {
      const written = writeOneOfEverything(vault.core, 'heron') as unknown as Record<string, { id: string }>
      const key = { reflections: 'reflection', sessions: 'session', rules: 'rule', contacts: 'contact', drafts: 'draft', talkingPoints: 'talkingPoint', absences: 'absence', therapists: 'therapist' }[domain] as string
      const id = written[key]!.id
      raw(sql, id)

      expect(await readEverything(vault.handlers, { backup: true, searchWord: 'heron' })).toEqual([])
      const list = await call(`${domain}.list`, {})
      expect(list.ok && (list.value as Array<{ id: string }>).some((row) => row.id === id)).toBe(false)
      const repair = await call('repair.list', {})
      expect(repair).toMatchObject({ ok: true, value: { more: 0 } })
      const rows = repair.ok ? (repair.value as { rows: Array<{ domain: string; id: string; fields: string[] }> }).rows : []
      expect(rows.map((row) => [row.domain, row.id])).toContainEqual([domain, id])
      expect(rows.find((row) => row.id === id)?.fields.length).toBeGreaterThan(0)
    })
  }

  it('says on the timeline page how many entries it left out', async () => {
    const reflection = vault.core.reflections.create({ body: 'the heron', mood: 3, tags: [], sessionId: null, bringToSession: false })
    vault.core.reflections.create({ body: 'the lake', mood: 3, tags: [], sessionId: null, bringToSession: false })
    raw('UPDATE reflections SET mood = 99 WHERE id = ?', reflection.id)
    const page = await call('timeline.page', { limit: 10 })
    expect(page).toMatchObject({ ok: true, value: { skipped: 1 } })
    expect(page.ok && (page.value as { items: unknown[] }).items).toHaveLength(1)
    expect(await call('mood.trend', { timeZone: 'UTC', bucket: 'day' })).toMatchObject({ ok: true, value: { skipped: 1 } })
    const repair = await call('repair.list', {})
    expect(repair.ok && (repair.value as { rows: Array<{ fields: string[]; text: Array<{ value: string }> }> }).rows[0]).toMatchObject({ fields: ['mood'], text: expect.arrayContaining([expect.objectContaining({ value: 'the heron' })]) })
  })

  it('rolls a write back when its answer would break the contract, so "Nothing was changed" is true', async () => {
    const reflection = vault.core.reflections.create({ body: 'before', mood: null, tags: [], sessionId: null, bringToSession: false })
    raw("UPDATE reflections SET created_at = 'yesterday' WHERE id = ?", reflection.id)
    const result = await call('reflections.update', { id: reflection.id, patch: { body: 'after' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Nothing was changed') } })
    expect(vault.core.vault.db().prepare('SELECT body FROM reflections WHERE id = ?').pluck().get(reflection.id)).toBe('before')
  })
})
