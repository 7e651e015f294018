import { tzOffset } from '@date-fns/tz'
import type { z } from 'zod'
import type { journalContract, MoodBucket } from '../../../shared/ipc/contracts/journal'
import type { Reflection } from '../../../shared/ipc/schemas/reflections'
import type { Session } from '../../../shared/ipc/schemas/sessions'
import { INSTANT_MAX, INSTANT_MIN, isInstantInRange } from '../../../shared/domain/time/instant-range'
import { MOOD_MAX, MOOD_MIN } from '../../../shared/domain/vocabulary'
import { addLocalDays, instantFromWall } from '../../../shared/domain/time/local-time'
import { insertRow } from '../db/table.repo'
import { CoreError } from '../errors'
import { newId } from '../ids'
import { writeTransaction, type ServiceContext } from '../records/entity.service'
import { reflectionsTable, setTags } from '../reflections/reflections.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { linkedTalkingPointIds, relinkTalkingPoints } from '../talking-points/talking-points.repo'
import {
  moodRatings,
  reattachReflections,
  reflectionIdsOfSession,
  sessionExists,
} from './journal.repo'

type Input<C extends keyof typeof journalContract> = z.output<(typeof journalContract)[C]['input']>

const DAY = 24 * 60 * 60_000
const MINUTE = 60_000

interface Services {
  sessions: { get(input: { id: string }): Session }
  reflections: { get(input: { id: string }): Reflection }
}

/** Local-day arithmetic for many instants: the zone's offset memoised per UTC day. */
function dayBucketer(zone: string) {
  const memo = new Map<number, number | null>()
  const offsetAt = (t: number): number => {
    const day = Math.floor(t / DAY)
    let offset = memo.get(day)
    if (offset === undefined) {
      const start = tzOffset(zone, new Date(day * DAY))
      offset = start === tzOffset(zone, new Date((day + 1) * DAY)) ? start : null
      memo.set(day, offset)
    }
    return (offset ?? tzOffset(zone, new Date(t))) * MINUTE
  }
  /** Wall-clock midnight (as if UTC) of the local day containing t. */
  return (t: number): number => {
    const wall = t + offsetAt(t)
    return wall - (((wall % DAY) + DAY) % DAY)
  }
}

/** A session's end (start + up to 600 minutes) may pass INSTANT_MAX by a day at most. */
const isReadableRating = (at: unknown, mood: unknown): boolean =>
  Number.isSafeInteger(at) &&
  (at as number) >= INSTANT_MIN - DAY &&
  (at as number) <= INSTANT_MAX + DAY &&
  Number.isInteger(mood) &&
  (mood as number) >= MOOD_MIN &&
  (mood as number) <= MOOD_MAX

function bucketStartWall(dayWall: number, bucket: 'day' | 'week' | 'month'): number {
  if (bucket === 'day') return dayWall
  const date = new Date(dayWall)
  if (bucket === 'week') return dayWall - ((date.getUTCDay() + 6) % 7) * DAY
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
}

export function createJournalService(ctx: ServiceContext, services: Services) {
  const changed = (tables: string[]) => ctx.events.emit('data.changed', { tables })

  return {
    createSeries(input: Input<'sessions.createSeries'>): Session[] {
      const db = ctx.db()
      const now = ctx.clock.now()
      const { repeat, count, ...fields } = input
      const step = repeat === 'weekly' ? 7 : 14
      // Every occurrence, not only the first, must fall in the valid range: checked before writing.
      const starts = Array.from({ length: count }, (_, i) => addLocalDays(fields.startsAt, i * step, fields.timeZone))
      if (!starts.every(isInstantInRange)) throw new CoreError('INVALID_INPUT', { field: 'count' })
      const ids = writeTransaction(db, () =>
        starts.map((startsAt) => {
          const id = newId(now)
          const homework = fields.homework.map((item) => ({ ...item, id: newId(now) }))
          insertRow(db, sessionsTable, { ...fields, homework, startsAt, status: 'scheduled', moodBefore: null, moodAfter: null, id, createdAt: now, updatedAt: now })
          return id
        }),
      )
      changed(['sessions'])
      return ids.map((id) => services.sessions.get({ id }))
    },

    sessionLinks({ id }: { id: string }) {
      const db = ctx.db()
      if (!sessionExists(db, id)) throw new CoreError('NOT_FOUND')
      return { reflectionIds: reflectionIdsOfSession(db, id), talkingPointIds: linkedTalkingPointIds(db, 'target_session_id', id) }
    },

    restoreSession({ session, reflectionIds, talkingPointIds }: Input<'sessions.restore'>): Session {
      const db = ctx.db()
      writeTransaction(db, () => {
        insertRow(db, sessionsTable, { ...session })
        reattachReflections(db, session.id, reflectionIds)
        relinkTalkingPoints(db, 'target_session_id', session.id, talkingPointIds)
      })
      changed(['sessions', 'reflections', 'talking_points'])
      return services.sessions.get({ id: session.id })
    },

    reflectionLinks({ id }: { id: string }) {
      const db = ctx.db()
      services.reflections.get({ id })
      return { talkingPointIds: linkedTalkingPointIds(db, 'source_reflection_id', id) }
    },

    restoreReflection({ reflection, talkingPointIds }: Input<'reflections.restore'>): Reflection {
      const db = ctx.db()
      writeTransaction(db, () => {
        // The session it belonged to may be gone since: keep the reflection, drop the link.
        const sessionId = reflection.sessionId !== null && sessionExists(db, reflection.sessionId) ? reflection.sessionId : null
        const { tags, ...row } = reflection
        insertRow(db, reflectionsTable, { ...row, sessionId })
        setTags(db, reflection.id, tags, ctx.clock.now())
        relinkTalkingPoints(db, 'source_reflection_id', reflection.id, talkingPointIds)
      })
      changed(['reflections', 'tags', 'talking_points'])
      return services.reflections.get({ id: reflection.id })
    },

    moodTrend({ from, to, timeZone, bucket }: Input<'mood.trend'>): { buckets: MoodBucket[]; skipped: number } {
      const localDay = dayBucketer(timeZone)
      const groups = new Map<number, { sum: number; low: number; high: number; count: number }>()
      let skipped = 0
      for (const { at, mood } of moodRatings(ctx.db(), from, to)) {
        // A rating this version cannot place (a damaged or foreign row) is counted, not fatal.
        if (!isReadableRating(at, mood)) {
          skipped++
          continue
        }
        const key = bucketStartWall(localDay(at), bucket)
        const group = groups.get(key)
        if (group) {
          group.sum += mood
          group.count += 1
          group.low = Math.min(group.low, mood)
          group.high = Math.max(group.high, mood)
        } else groups.set(key, { sum: mood, low: mood, high: mood, count: 1 })
      }
      const buckets = [...groups.entries()]
        .sort(([a], [b]) => a - b)
        .map(([wall, g]) => ({ start: instantFromWall(wall, timeZone), average: Math.round((g.sum / g.count) * 100) / 100, low: g.low, high: g.high, count: g.count }))
      return { buckets, skipped }
    },
  }
}
