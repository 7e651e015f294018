/**
 * Settings → Repair. A row that breaks the contract (a damaged value, a date outside the valid
 * range written by another tool, a broken JSON column) is left out of every list and page; here
 * it is found again, with the fields that cannot be read and the text that can, so the person can
 * copy it out and delete or fix the row. Rows are checked with the contract's own output schema.
 * A row linking to a record that no longer exists (a dangling foreign key, which a backup test
 * reports as a count) is listed too, with the link's field.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { contract } from '../../../shared/ipc/contract'
import { REPAIR_DOMAINS, type UnreadableRow } from '../../../shared/ipc/contracts/repair'
import { asCoreError } from '../errors'
import { danglingLinks, storedRows } from './repair.repo'

/** The most rows one answer lists; `more` counts the rest. */
export const REPAIR_LIST_MAX = 200
const TEXT_MAX = 10_000

const TABLES: Record<(typeof REPAIR_DOMAINS)[number], string> = {
  therapists: 'therapists',
  sessions: 'sessions',
  reflections: 'reflections',
  talkingPoints: 'talking_points',
  contacts: 'contacts',
  drafts: 'drafts',
  absences: 'absences',
  rules: 'rules',
}

type Getter = (input: { id: string }) => unknown

const textOf = (row: Record<string, unknown>): UnreadableRow['text'] =>
  Object.entries(row)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '' && !/(^|_)id$/.test(entry[0]))
    .map(([column, value]) => ({ column, value: value.slice(0, TEXT_MAX) }))

const fieldName = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())

/** The fields of `dto` the output schema refuses; ['(row)'] when the row cannot be read at all. */
function unreadableFields(domain: (typeof REPAIR_DOMAINS)[number], get: Getter, id: unknown): string[] {
  if (typeof id !== 'string') return ['id']
  let dto: unknown
  try {
    dto = get({ id })
  } catch (error) {
    if (asCoreError(error)?.code === 'VAULT_LOCKED') throw error
    return ['(row)']
  }
  const parsed = contract[`${domain}.get`].output.safeParse(dto)
  if (parsed.success) return []
  return [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '(row)')))]
}

export function createRepairService(db: () => Database.Database, getters: Record<(typeof REPAIR_DOMAINS)[number], Getter>) {
  return {
    list(): { rows: UnreadableRow[]; more: number } {
      const rows: UnreadableRow[] = []
      let more = 0
      const add = (domain: (typeof REPAIR_DOMAINS)[number], row: Record<string, unknown>, fields: string[]): void => {
        if (rows.length >= REPAIR_LIST_MAX) more++
        else rows.push({ domain, id: String(row.id), fields, text: textOf(row) })
      }
      for (const domain of REPAIR_DOMAINS) {
        const unreadable = new Set<string>()
        for (const row of storedRows(db(), TABLES[domain])) {
          const fields = unreadableFields(domain, getters[domain], row.id)
          if (fields.length === 0) continue
          unreadable.add(String(row.id))
          add(domain, row, fields)
        }
        for (const { row, column } of danglingLinks(db(), TABLES[domain])) {
          if (!unreadable.has(String(row.id))) add(domain, row, [fieldName(column)])
        }
      }
      return { rows, more }
    },
  }
}
