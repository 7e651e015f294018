import type { z } from 'zod'
import { TIMELINE_KINDS, type TimelineEntry, type timelinePageInput, type TimelineKind } from '../../../shared/ipc/schemas/timeline'
import type { ServiceContext } from '../records/entity.service'
import { homeworkEntry } from '../homework/homework-timeline'
import { TAG_SEPARATOR_CHAR, timelineRows, type TimelineRow } from './timeline.repo'

type PageInput = z.output<typeof timelinePageInput>

const FAR_FUTURE = Number.MAX_SAFE_INTEGER

/** Cursor: the (at, id) of the last entry served, as "at|id". */
function decodeCursor(cursor: string | null): { beforeAt: number; beforeId: string } {
  if (cursor !== null) {
    const bar = cursor.indexOf('|')
    const at = Number(cursor.slice(0, bar))
    if (bar > 0 && Number.isSafeInteger(at)) return { beforeAt: at, beforeId: cursor.slice(bar + 1) }
  }
  return { beforeAt: FAR_FUTURE, beforeId: '' }
}

const text = (row: TimelineRow, key: string) => (row[key] ?? null) as string | null
const num = (row: TimelineRow, key: string) => (row[key] ?? null) as number | null

function toEntry(row: TimelineRow): TimelineEntry {
  const base = { id: row.id, at: row.at, preview: String(row.preview ?? '') }
  switch (row.kind) {
    case 'session':
      return { ...base, kind: 'session', title: text(row, 'title'), location: text(row, 'location'), therapistId: text(row, 'therapist_id'), durationMinutes: Number(row.duration_minutes), format: row.format, status: row.status, moodBefore: num(row, 'mood_before'), moodAfter: num(row, 'mood_after') } as TimelineEntry
    case 'reflection': {
      const tags = text(row, 'tags')
      return { ...base, kind: 'reflection', mood: num(row, 'mood'), tags: tags ? tags.split(TAG_SEPARATOR_CHAR).sort() : [], bringToSession: row.bring_to_session === 1 }
    }
    case 'contact':
      return { ...base, kind: 'contact', therapistId: text(row, 'therapist_id'), direction: row.direction, channel: row.channel, purpose: row.purpose, overrodeRules: row.overrode === 1 } as TimelineEntry
    case 'draft':
      return { ...base, kind: 'draft', therapistId: text(row, 'therapist_id'), channel: row.channel, purpose: row.purpose, remindAt: num(row, 'remind_at') } as TimelineEntry
    case 'rule_change':
      return { ...base, kind: 'rule_change', ruleId: String(row.rule_id), therapistId: String(row.therapist_id), ruleKind: String(row.rule_kind), version: Number(row.version), active: row.active === 1, retired: row.retired_at !== null }
    default:
      return homeworkEntry(row) as TimelineEntry
  }
}

const newerFirst = (a: TimelineRow, b: TimelineRow) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/**
 * The timeline, newest first, in keyset pages: each kind is read from its own index up to
 * `limit` rows past the cursor, and the streams are merged. Cost per page is independent of
 * how many entries the vault holds.
 */
export function createTimelineService(ctx: ServiceContext) {
  return {
    page(input: PageInput) {
      const db = ctx.db()
      const kinds: readonly TimelineKind[] = input.filter.kinds ?? TIMELINE_KINDS
      const query = { ...decodeCursor(input.cursor), limit: input.limit, tag: input.filter.tag, therapistId: input.filter.therapistId, from: input.filter.from, to: input.filter.to }
      const rows = kinds.flatMap((kind) => timelineRows(db, kind, query)).sort(newerFirst).slice(0, input.limit)
      const last = rows.at(-1)
      return {
        items: rows.map(toEntry),
        nextCursor: rows.length === input.limit && last ? `${last.at}|${last.id}` : null,
        // dispatch counts the entries it leaves out because they break the contract.
        skipped: 0,
      }
    },
  }
}
