import type { Migration } from './index'

/**
 * 0070: search results come by the date the entry is about (search_docs.at), newest first.
 * For a common word the newest matches are found by walking this index from the end and keeping
 * the rows the word matches, instead of sorting every match.
 */
export const searchByDate: Migration = {
  version: 70,
  name: 'search-by-date',
  up(db) {
    db.exec('CREATE INDEX search_docs_by_at ON search_docs (at)')
  },
}
