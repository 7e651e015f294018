import type Database from 'better-sqlite3-multiple-ciphers'
import type { TimelineKind } from '../../../shared/ipc/schemas/timeline'
import { prepared } from '../db/table.repo'
import { HOMEWORK_TIMELINE_SQL } from '../homework/homework-timeline.repo'

export interface TimelineQuery {
  /** Entries strictly before this (at, id) position, newest first. */
  beforeAt: number
  beforeId: string
  limit: number
  tag: string | null
  therapistId: string | null
  from: number | null
  to: number | null
}

export type TimelineRow = Record<string, unknown> & { kind: TimelineKind; id: string; at: number }

const PREVIEW = 280
const TAG_SEPARATOR = 'char(31)'

/** A keyset condition over (time, id), newest first, plus the date range. */
const window = (at: string, id: string) =>
  `(${at} < @beforeAt OR (${at} = @beforeAt AND ${id} < @beforeId))
   AND (@from IS NULL OR ${at} >= @from) AND (@to IS NULL OR ${at} < @to)`

const orderLimit = (at: string, id: string) => `ORDER BY ${at} DESC, ${id} DESC LIMIT @limit`

const SQL: Record<TimelineKind, string> = {
  session: `SELECT 'session' AS kind, id, starts_at AS at, title, location, therapist_id, duration_minutes, format, status,
                   mood_before, mood_after, substr(notes, 1, ${PREVIEW}) AS preview
              FROM sessions
             WHERE ${window('starts_at', 'id')} AND (@therapistId IS NULL OR therapist_id = @therapistId)
               AND @tag IS NULL
             ${orderLimit('starts_at', 'id')}`,
  reflection: `SELECT 'reflection' AS kind, r.id, r.created_at AS at, r.mood, r.bring_to_session,
                      substr(r.body, 1, ${PREVIEW}) AS preview,
                      (SELECT group_concat(t.name, ${TAG_SEPARATOR}) FROM reflection_tags AS rt
                         JOIN tags AS t ON t.id = rt.tag_id WHERE rt.reflection_id = r.id) AS tags
                 FROM reflections AS r
                WHERE ${window('r.created_at', 'r.id')}
                  AND (@therapistId IS NULL OR r.session_id IN (SELECT id FROM sessions WHERE therapist_id = @therapistId))
                  AND (@tag IS NULL OR r.id IN (SELECT rt.reflection_id FROM reflection_tags AS rt
                         JOIN tags AS t ON t.id = rt.tag_id WHERE t.name = @tag))
                ${orderLimit('r.created_at', 'r.id')}`,
  contact: `SELECT 'contact' AS kind, id, at, therapist_id, direction, channel, purpose,
                   overridden_rule_ids <> '[]' AS overrode, substr(summary, 1, ${PREVIEW}) AS preview
              FROM contacts
             WHERE ${window('at', 'id')} AND (@therapistId IS NULL OR therapist_id = @therapistId) AND @tag IS NULL
             ${orderLimit('at', 'id')}`,
  draft: `SELECT 'draft' AS kind, id, updated_at AS at, therapist_id, channel, purpose, remind_at,
                 substr(body, 1, ${PREVIEW}) AS preview
            FROM drafts
           WHERE ${window('updated_at', 'id')} AND (@therapistId IS NULL OR therapist_id = @therapistId) AND @tag IS NULL
           ${orderLimit('updated_at', 'id')}`,
  rule_change: `SELECT 'rule_change' AS kind, v.rule_id || ':v' || v.version AS id, v.changed_at AS at,
                       v.rule_id, r.therapist_id, v.kind AS rule_kind, v.version, v.active, v.retired_at,
                       substr(v.agreement_text, 1, ${PREVIEW}) AS preview
                  FROM rule_versions AS v JOIN rules AS r ON r.id = v.rule_id
                 WHERE ${window('v.changed_at', "v.rule_id || ':v' || v.version")}
                   AND (@therapistId IS NULL OR r.therapist_id = @therapistId) AND @tag IS NULL
                 ${orderLimit('v.changed_at', "v.rule_id || ':v' || v.version")}`,
  ...HOMEWORK_TIMELINE_SQL,
}

export function timelineRows(db: Database.Database, kind: TimelineKind, query: TimelineQuery): TimelineRow[] {
  return prepared(db, SQL[kind]).all(query) as TimelineRow[]
}

export const TAG_SEPARATOR_CHAR = '\u001f'
