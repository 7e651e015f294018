/**
 * Which tables sync, in parent-before-child order. Registering a table is one line: its name,
 * its key columns when the key is not `id`, and which of its columns are long texts that merge
 * with the CRDT (every other column merges last-writer-wins). Capture triggers, the first upload
 * of existing rows and applying remote changes all follow from this list.
 */
export interface SyncedTable {
  table: string
  key?: readonly string[]
  texts?: readonly string[]
}

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'therapists' },
  { table: 'starter_answers', key: ['therapist_id', 'question_id'] },
  { table: 'sessions', texts: ['notes', 'takeaways'] },
  { table: 'reflections', texts: ['body'] },
  { table: 'tags' },
  { table: 'reflection_tags', key: ['reflection_id', 'tag_id'] },
  { table: 'drafts', texts: ['body'] },
  { table: 'talking_points' },
  { table: 'rules', texts: ['agreement_text'] },
  { table: 'rule_versions', key: ['rule_id', 'version'] },
  { table: 'contacts', texts: ['summary'] },
  { table: 'absences' },
  { table: 'crisis_plan' },
  { table: 'reminder_settings' },
  { table: 'import_sources', key: ['source', 'external_key'] },
  { table: 'thought_records', texts: ['situation', 'evidence_for', 'evidence_against', 'balanced_thought'] },
  { table: 'diary_card_days', texts: ['note'] },
  { table: 'diary_card_weeks', key: ['week_start'] },
  { table: 'check_ins', texts: ['note'] },
  { table: 'reflection_templates', texts: ['body'] },
  { table: 'homework_settings' },
]

export const keyColumns = (table: SyncedTable): readonly string[] => table.key ?? ['id']

const byName = new Map(SYNCED_TABLES.map((t) => [t.table, t]))
export const syncedTable = (name: string): SyncedTable | undefined => byName.get(name)
export const tableOrder = new Map(SYNCED_TABLES.map((t, i) => [t.table, i]))
