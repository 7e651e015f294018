/**
 * Settings → Repair. A row that breaks the contract (a damaged value, a date outside the valid
 * range written by another tool, a broken JSON column) is left out of every list and page; here
 * it is found again, with the fields that cannot be read and the text that can, so the person can
 * copy it out and delete or fix the row. Rows are checked with the contract's own output schema.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { contract } from '../../../shared/ipc/contract'
import { REPAIR_DOMAINS, type UnreadableRow } from '../../../shared/ipc/contracts/repair'
import { asCoreError } from '../errors'
import { storedRows } from './repair.repo'

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
      for (const domain of REPAIR_DOMAINS) {
        for (const row of storedRows(db(), TABLES[domain])) {
          const fields = unreadableFields(domain, getters[domain], row.id)
          if (fields.length === 0) continue
          if (rows.length >= REPAIR_LIST_MAX) more++
          else rows.push({ domain, id: String(row.id), fields, text: textOf(row) })
        }
      }
      return { rows, more }
    },
  }
}
