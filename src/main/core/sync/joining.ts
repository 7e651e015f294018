/**
 * A computer joining a folder (turned on with a folder that has a header: the first join of a
 * vault with its own records, or a removed or long-gone computer joining again) takes in the
 * folder's state before it records its own rows: recorded first, against an empty merged state,
 * every long text the folder already holds would be inserted a second time (a Yjs insertion
 * of its own), and every unchanged value sent again. Recorded after, capture compares each row
 * with the merged state: a value the folder already holds says nothing, a long text the folder
 * holds is an edit of the folder's document (capture.ts). The mark is set when sync is turned
 * on and cleared in the transaction that records the rows (sync-run.ts), so a pass stopped
 * before that goes on joining.
 */
import type { ProgressStore } from './merge-store'

const JOINING = 'joining'

export const isJoining = (store: ProgressStore): boolean => store.meta(JOINING) === true

export const markJoining = (store: ProgressStore, joining: boolean): void => store.setMeta(JOINING, joining)
