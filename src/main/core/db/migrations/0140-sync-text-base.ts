import type { Migration } from './index'

/**
 * 0140: for each long synced text, the Yjs document as it was last written into its row, kept
 * only while newer words from another computer wait to be written there (`base`, NULL otherwise).
 * A save made in that window is an edit of what the window showed, so it is turned into a CRDT
 * change against this document and merged with the other computer's words (docs/sync.md).
 */
export const syncTextBase: Migration = {
  version: 140,
  name: 'sync-text-base',
  up(db) {
    db.exec('ALTER TABLE sync_texts ADD COLUMN base BLOB')
  },
}
