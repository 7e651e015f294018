/**
 * A plan: what an import will write (data only, so it can be made in one process and applied
 * in another), and the preview the person confirms. Planning reads the vault through
 * ImportLookups and writes nothing.
 */
import type { ImportPreview } from '../../../shared/ipc/schemas/import'
import type { SessionFormat, SessionStatus } from '../../../shared/domain/vocabulary'
import type { ExportDocument } from '../export/export-document'
import { emptyCounts } from './import-counts'

export interface SessionFields {
  title: string | null
  location: string | null
  therapistId: string | null
  startsAt: number
  timeZone: string
  durationMinutes: number
  format: SessionFormat
  status: SessionStatus
  notes: string
}

export type SourceKind = 'ics' | 'day_one' | 'daylio'

export type PlannedWrite =
  | { op: 'createSession'; key: string; session: SessionFields; digest: string }
  | { op: 'updateSession'; key: string; sessionId: string; session: SessionFields; digest: string }
  | { op: 'createAbsence'; key: string; therapistId: string; startsAt: number; endsAt: number; note: string }
  | {
      op: 'createReflection'
      source: 'day_one' | 'daylio'
      key: string
      body: string
      mood: number | null
      tags: string[]
      createdAt: number
      updatedAt: number
      timeZone: string | null
    }
  | { op: 'betweenJson'; document: ExportDocument }

export type PreviewBody = Omit<ImportPreview, 'planId' | 'kind'>

export interface ImportPlan {
  writes: PlannedWrite[]
  preview: PreviewBody
  /** Items not written: skipped for a reason, already there, or edited since and kept. */
  skipped: number
}

/** The plan's skipped total from its preview (attachments are not items), plus kept edits. */
export const finishPlan = (writes: PlannedWrite[], preview: PreviewBody, kept = 0): ImportPlan => ({
  writes,
  preview,
  skipped: preview.skipped.reduce((sum, s) => (s.reason === 'attachments' ? sum : sum + s.count), 0) + preview.unchanged + kept,
})

export interface SourceLink {
  sessionId: string | null
  reflectionId: string | null
  absenceId: string | null
  writtenDigest: string | null
}

/** What planning may read from the vault. */
export interface ImportLookups {
  source(kind: SourceKind, key: string): SourceLink | undefined
  session(id: string): SessionFields | undefined
  therapistExists(id: string): boolean
}

type Item = PreviewBody['items'][number]
const MAX_ITEMS = 200
const MAX_PLACES = 20

/** Collects the preview while a planner walks the file. */
export function previewBuilder() {
  const body: PreviewBody = {
    create: emptyCounts().created,
    update: 0,
    unchanged: 0,
    edited: 0,
    skipped: [],
    repairs: [],
    range: null,
    items: [],
    total: 0,
    moods: [],
  }
  const group = (list: PreviewBody['skipped'], reason: string, place: string, count = 1) => {
    let entry = list.find((e) => e.reason === reason)
    if (!entry) {
      entry = { reason, count: 0, places: [] }
      list.push(entry)
    }
    entry.count += count
    if (entry.places.length < MAX_PLACES && !entry.places.includes(place)) entry.places.push(place)
  }
  return {
    body,
    skip: (reason: string, place: string, count = 1) => group(body.skipped, reason, place, count),
    repair: (kind: string, place: string) => {
      group(body.repairs, kind, place)
    },
    item: (item: Item) => {
      body.total++
      body.range = body.range === null ? { from: item.at, to: item.at } : { from: Math.min(body.range.from, item.at), to: Math.max(body.range.to, item.at) }
      if (body.items.length < MAX_ITEMS) body.items.push(item)
    },
  }
}
