import { fileHead } from '../../src/main/core/vault/open-database'
import { saltInHotJournal } from '../../src/main/core/vault/rekey-journal'

/**
 * True when a rekey's hot journal sits beside a database whose page 1 (and so its salt) it has
 * already overwritten: the state in which only the journal's salt lets the old key play it back.
 */
export function pageOneRewritten(database: string): boolean {
  const salt = saltInHotJournal(database)
  const head = fileHead(database, salt?.length ?? 0)
  return salt !== null && head !== null && !head.equals(salt)
}
