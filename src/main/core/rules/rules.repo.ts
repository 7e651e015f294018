import type Database from 'better-sqlite3-multiple-ciphers'
import type { RuleBody, RuleCommon } from '../../../shared/domain/rules/rule-kinds'
import { parseStoredJson, prepared } from '../db/table.repo'

export interface StoredRule extends RuleCommon {
  id: string
  therapistId: string
  version: number
  retiredAt: number | null
  createdAt: number
  updatedAt: number
  body: RuleBody
}

interface RuleRow {
  id: string
  therapist_id: string
  kind: string
  params: string
  severity: RuleCommon['severity']
  agreement_text: string
  agreed_on: number | null
  review_by: number | null
  active: number
  retired_at: number | null
  version: number
  created_at: number
  updated_at: number
}

const fromRow = (row: RuleRow): StoredRule => ({
  id: row.id,
  therapistId: row.therapist_id,
  version: row.version,
  severity: row.severity,
  agreementText: row.agreement_text,
  agreedOn: row.agreed_on,
  reviewBy: row.review_by,
  active: row.active === 1,
  retiredAt: row.retired_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  body: { kind: row.kind, params: parseStoredJson(row.params) } as RuleBody,
})

const toRow = (rule: StoredRule): RuleRow => ({
  id: rule.id,
  therapist_id: rule.therapistId,
  kind: rule.body.kind,
  params: JSON.stringify(rule.body.params),
  severity: rule.severity,
  agreement_text: rule.agreementText,
  agreed_on: rule.agreedOn,
  review_by: rule.reviewBy,
  active: rule.active ? 1 : 0,
  retired_at: rule.retiredAt,
  version: rule.version,
  created_at: rule.createdAt,
  updated_at: rule.updatedAt,
})

const COLUMNS = 'kind, params, severity, agreement_text, agreed_on, review_by, active, retired_at'

const COLUMNS_OF: Record<string, ReadonlyArray<keyof RuleRow>> = {
  severity: ['severity'],
  agreementText: ['agreement_text'],
  agreedOn: ['agreed_on'],
  reviewBy: ['review_by'],
  active: ['active'],
  body: ['kind', 'params'],
}

/** Some of a rule's fields as the columns that store them (`body` is kind and params). */
export function ruleColumns(rule: StoredRule, fields: readonly string[]): Record<string, unknown> {
  const row = toRow(rule)
  return Object.fromEntries(fields.flatMap((field) => COLUMNS_OF[field] ?? []).map((column) => [column, row[column]]))
}

/** Writes the rule's current state and appends it to its history, as one version. */
export function saveRuleVersion(db: Database.Database, rule: StoredRule): void {
  const row = toRow(rule)
  prepared(
    db,
    `INSERT INTO rules (id, therapist_id, version, created_at, updated_at, ${COLUMNS})
     VALUES (@id, @therapist_id, @version, @created_at, @updated_at, @kind, @params, @severity, @agreement_text, @agreed_on, @review_by, @active, @retired_at)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at,
       kind = excluded.kind, params = excluded.params, severity = excluded.severity,
       agreement_text = excluded.agreement_text, agreed_on = excluded.agreed_on,
       review_by = excluded.review_by, active = excluded.active, retired_at = excluded.retired_at`,
  ).run(row)
  prepared(
    db,
    `INSERT INTO rule_versions (rule_id, version, changed_at, ${COLUMNS})
     VALUES (@id, @version, @updated_at, @kind, @params, @severity, @agreement_text, @agreed_on, @review_by, @active, @retired_at)`,
  ).run(row)
}

export function getRule(db: Database.Database, id: string): StoredRule | undefined {
  const row = prepared(db, 'SELECT * FROM rules WHERE id = ?').get(id) as RuleRow | undefined
  return row && fromRow(row)
}

export function listRules(db: Database.Database, filter: { therapistId: string | null; includeRetired: boolean }): StoredRule[] {
  const where: string[] = []
  if (filter.therapistId !== null) where.push('therapist_id = @therapistId')
  if (!filter.includeRetired) where.push('retired_at IS NULL')
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  return (prepared(db, `SELECT * FROM rules ${clause} ORDER BY created_at, id`).all(filter) as RuleRow[]).map(fromRow)
}

export function ruleHistory(db: Database.Database, id: string): Array<StoredRule & { changedAt: number }> {
  const rows = prepared(
    db,
    `SELECT v.rule_id AS id, r.therapist_id, v.version, r.created_at, v.changed_at AS updated_at, v.changed_at,
            v.kind, v.params, v.severity, v.agreement_text, v.agreed_on, v.review_by, v.active, v.retired_at
       FROM rule_versions AS v JOIN rules AS r ON r.id = v.rule_id
      WHERE v.rule_id = ? ORDER BY v.version DESC`,
  ).all(id) as Array<RuleRow & { changed_at: number }>
  return rows.map((row) => ({ ...fromRow(row), changedAt: row.changed_at }))
}

export function deleteRule(db: Database.Database, id: string): boolean {
  return prepared(db, 'DELETE FROM rules WHERE id = ?').run(id).changes === 1
}
