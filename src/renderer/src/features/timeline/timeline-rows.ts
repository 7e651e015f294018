import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'

export type SessionEntry = Extract<TimelineEntry, { kind: 'session' }>

export interface MoodPoint {
  at: number
  mood: number
}

export type TimelineRow =
  /** A session heading the stretch of entries that led up to it (newest first, so above them). */
  | { type: 'group'; key: string; session: SessionEntry; tense: 'next' | 'past'; moods: MoodPoint[]; size: number }
  /** Entries newer than the newest session when no session is scheduled. */
  | { type: 'since'; key: string; moods: MoodPoint[]; size: number }
  /** Scheduled sessions after the next one, folded into one row. */
  | { type: 'later'; key: string; sessions: SessionEntry[]; expanded: boolean }
  | { type: 'entry'; key: string; entry: TimelineEntry }

/** The key a row (and its entry) goes by in the list: kind and id. */
export const entryKey = (entry: { kind: string; id: string }): string => `${entry.kind}:${entry.id}`

/** Quiet by default: an agreement change with no words of its own would be an empty row. */
const hasSomethingToShow = (entry: TimelineEntry): boolean => entry.kind !== 'rule_change' || entry.preview.trim() !== ''

/** Sessions that start a stretch: the ones that happened or are planned, not cancelled or missed. */
const headsGroup = (entry: TimelineEntry): entry is SessionEntry =>
  entry.kind === 'session' && (entry.status === 'attended' || entry.status === 'scheduled')

function moodsOf(entry: TimelineEntry): MoodPoint[] {
  if (entry.kind === 'reflection') return entry.mood === null ? [] : [{ at: entry.at, mood: entry.mood }]
  if (entry.kind === 'session') {
    const points: MoodPoint[] = []
    if (entry.moodBefore !== null) points.push({ at: entry.at, mood: entry.moodBefore })
    if (entry.moodAfter !== null) points.push({ at: entry.at + entry.durationMinutes * 60_000, mood: entry.moodAfter })
    return points
  }
  return []
}

/**
 * Turns a newest-first page stream into rows. When sessions are shown (`grouped`), each
 * attended or scheduled session heads the entries below it, back to the previous session: the
 * stretch that led up to it. The next upcoming session comes first; later scheduled ones fold
 * into one row right below it. Without sessions (filtered out) the rows are the entries, flat.
 */
export function buildRows(all: readonly TimelineEntry[], now: number, grouped: boolean, laterExpanded: boolean): TimelineRow[] {
  const items = all.filter(hasSomethingToShow)
  if (!grouped) return items.map((entry) => ({ type: 'entry', key: entryKey(entry), entry }))

  const rows: TimelineRow[] = []
  let index = 0
  // Future sessions: newest first in the stream, so the next one is the last of the run.
  const future: SessionEntry[] = []
  const futureOther: TimelineEntry[] = []
  while (index < items.length && (items[index] as TimelineEntry).at > now) {
    const entry = items[index] as TimelineEntry
    // Only a scheduled session can be next: one already marked attended is not waiting.
    if (headsGroup(entry) && entry.status === 'scheduled') future.push(entry)
    else futureOther.push(entry)
    index++
  }
  const next = future.at(-1)
  const later = future.slice(0, -1).reverse()

  let header: Extract<TimelineRow, { type: 'group' | 'since' }> | null = null
  const open = (row: Extract<TimelineRow, { type: 'group' | 'since' }>) => {
    header = row
    rows.push(row)
  }
  const add = (entry: TimelineEntry) => {
    rows.push({ type: 'entry', key: entryKey(entry), entry })
    if (header) {
      header.size += 1
      header.moods.push(...moodsOf(entry))
    }
  }

  // The next session comes first; the ones after it fold into one row just below it.
  if (next) open({ type: 'group', key: entryKey(next), session: next, tense: 'next', moods: moodsOf(next), size: 0 })
  if (later.length > 0) {
    rows.push({ type: 'later', key: 'later', sessions: later, expanded: laterExpanded })
    if (laterExpanded) for (const session of later) rows.push({ type: 'entry', key: entryKey(session), entry: session })
  }
  for (const entry of futureOther) add(entry)

  for (; index < items.length; index++) {
    const entry = items[index] as TimelineEntry
    if (headsGroup(entry)) {
      open({ type: 'group', key: entryKey(entry), session: entry, tense: 'past', moods: moodsOf(entry), size: 0 })
      continue
    }
    if (!header) open({ type: 'since', key: 'since', moods: [], size: 0 })
    add(entry)
  }
  for (const row of rows) if (row.type === 'group' || row.type === 'since') row.moods.sort((a, b) => a.at - b.at)
  return rows
}
