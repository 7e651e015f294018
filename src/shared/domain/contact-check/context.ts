/**
 * Everything the rule checks share for one evaluation, prepared once: the slices of the contact
 * log that can matter, sorted; real sessions; absences; events; the zones and date words.
 *
 * Every timing constraint is defined on absolute time from this data (never "relative to now"),
 * so asking "is instant t allowed?" gives the same answer whichever `now` the check runs at. That
 * is what lets the earliest-time solver promise that re-checking at its answer passes.
 */
import type { Rule } from '../rules/rule-kinds'
import type { ContactChannel, Purpose } from '../vocabulary'
import { DEFAULT_LOCALE, DateWords } from './format'
import type {
  CheckAbsence,
  CheckContact,
  CheckSession,
  ContactCheckInput,
  ContactRequest,
  CrisisPlanSummary,
} from './types'
import { HORIZON_DAYS } from './types'
import { DAY, HOUR, Zone, isValidZone } from './zone'

export interface Ctx {
  now: number
  /** The solver's horizon: now + 60 days. */
  limit: number
  request: ContactRequest
  purpose: Purpose
  channel: ContactChannel
  therapistZone: Zone
  /** The person and the therapist read clocks differently (now). */
  zonesDiffer: boolean
  words: DateWords
  /** Scheduled or attended sessions, sorted by end. */
  sessions: CheckSession[]
  sessionEnds: number[]
  /** The first scheduled session starting after now. */
  nextSession: CheckSession | null
  /** Sent contacts (not crisis) in the window that can matter, sorted by time. */
  sent: CheckContact[]
  /** Their times, same order. */
  sentTimes: number[]
  /** Times of received contacts in that window, sorted. */
  received: number[]
  /** Logged event times, sorted. */
  events: number[]
  /** Absences with a positive length, sorted by start. */
  absences: CheckAbsence[]
  lastReflectionAt: number | null
  /** Length of the draft in characters (code points, trimmed), or null without a draft. */
  draftLength: number | null
  confirmed: ReadonlySet<string>
  crisisPlan: CrisisPlanSummary | null
}

const REAL_SESSION = new Set(['scheduled', 'attended'])

/** How far back in the contact log any rule in this set may look. */
export function lookbackFor(rules: readonly Rule[]): number {
  // Calendar weeks start up to 7 days (+ a clock change) before any instant asked about.
  let back = 9 * DAY
  for (const rule of rules) {
    if (rule.kind === 'response_expectation') {
      const { amount, unit } = rule.params
      const span = unit === 'hours' ? amount * HOUR : (Math.ceil(amount / 5) * 7 + 7) * DAY
      back = Math.max(back, span + DAY)
    }
  }
  return back
}

/**
 * How far before `now` the caller's data must reach for these rules: the contact log (frequency,
 * response times), sessions (buffers), logged events (pauses) and reflections (journal first).
 * The core can query just this window instead of the whole history.
 */
export function historyNeededMs(rules: readonly Rule[]): number {
  let back = lookbackFor(rules)
  for (const rule of rules) {
    if (rule.kind === 'buffer_after_session' || rule.kind === 'pause_after_event' || rule.kind === 'coaching_before_not_after') {
      back = Math.max(back, rule.params.hours * HOUR + DAY)
    } else if (rule.kind === 'journal_first') {
      back = Math.max(back, rule.params.withinHours * HOUR + DAY)
    }
  }
  return back
}

export function buildContext(input: ContactCheckInput, rules: readonly Rule[]): Ctx {
  const { now, request } = input
  const limit = now + HORIZON_DAYS * DAY
  const therapistZoneName = isValidZone(input.therapist.timeZone) ? input.therapist.timeZone : 'UTC'
  const personZoneName = isValidZone(input.personZone) ? input.personZone : therapistZoneName
  const therapistZone = new Zone(therapistZoneName)
  const personZone = new Zone(personZoneName)

  const sessions = input.sessions
    .filter((s) => REAL_SESSION.has(s.status) && Number.isFinite(s.startsAt))
    .sort((a, b) => end(a) - end(b))
  let nextSession: CheckSession | null = null
  for (const s of input.sessions) {
    if (
      s.status === 'scheduled' &&
      s.startsAt > now &&
      (!nextSession || s.startsAt < nextSession.startsAt)
    ) {
      nextSession = s
    }
  }

  // Only the part of the log any rule could look at.
  const { sent, sentTimes, received } = filterLog(
    input.contacts,
    now - lookbackFor(rules),
    limit + 9 * DAY,
  )

  let lastReflectionAt =
    input.lastReflectionAt != null && input.lastReflectionAt <= now ? input.lastReflectionAt : null
  for (const r of input.reflections ?? []) {
    if (r.createdAt <= now && (lastReflectionAt === null || r.createdAt > lastReflectionAt))
      lastReflectionAt = r.createdAt
  }

  const draft = request.draftText?.trim()
  return {
    now,
    limit,
    request,
    purpose: request.purpose,
    channel: request.channel,
    therapistZone,
    zonesDiffer:
      therapistZoneName !== personZoneName && therapistZone.offset(now) !== personZone.offset(now),
    words: new DateWords(input.locale ?? DEFAULT_LOCALE, personZoneName, now),
    sessions,
    sessionEnds: sessions.map(end),
    nextSession,
    sent,
    sentTimes,
    received,
    events: input.events.map((e) => e.at).sort((a, b) => a - b),
    absences: input.absences
      .filter((a) => a.endsAt > a.startsAt)
      .sort((a, b) => a.startsAt - b.startsAt),
    lastReflectionAt,
    draftLength: draft ? codePoints(draft) : null,
    confirmed: new Set(request.confirmedItems ?? []),
    crisisPlan: input.crisisPlan,
  }
}

export function end(s: CheckSession): number {
  return s.startsAt + s.durationMinutes * 60_000
}

function isSortedBy(xs: readonly CheckContact[]): boolean {
  for (let i = 1; i < xs.length; i++)
    if ((xs[i] as CheckContact).at < (xs[i - 1] as CheckContact).at) return false
  return true
}

interface LogSlice {
  /** Sent, non-crisis contacts, sorted by time. */
  sent: CheckContact[]
  sentTimes: number[]
  /** Received contact times, sorted. */
  received: number[]
}

/** One pass over the log, keeping what falls in [from, to]. */
function filterLog(log: readonly CheckContact[], from: number, to: number): LogSlice {
  const sent: CheckContact[] = []
  const received: number[] = []
  for (let i = 0, n = log.length; i < n; i++) {
    const c = log[i] as CheckContact
    const at = c.at
    if (at < from || at > to) continue
    if (c.direction === 'received') received.push(at)
    else if (c.purpose !== 'crisis') sent.push(c)
  }
  if (!isSortedBy(sent)) sent.sort((a, b) => a.at - b.at)
  received.sort((a, b) => a - b)
  return { sent, sentTimes: sent.map((c) => c.at), received }
}

function codePoints(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xdc00 || c > 0xdfff) n++
  }
  return n
}

/** Does a rule's purpose list (empty = all) cover this purpose? Crisis is never covered. */
export function covers(list: readonly Purpose[], purpose: Purpose): boolean {
  if (purpose === 'crisis') return false
  return list.length === 0 || list.includes(purpose)
}

/** First index i with xs[i] >= x (xs sorted ascending). */
export function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index i with xs[i] > x. */
export function upperBound(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

export interface Interval {
  start: number
  end: number
}

/**
 * The first instant ≥ t outside every half-open interval [start, end). Intervals must be sorted
 * by start; overlapping and nested ones are fine.
 */
export function skipIntervals(intervals: readonly Interval[], t: number): number {
  for (const iv of intervals) {
    if (iv.start > t) break
    if (t < iv.end) t = iv.end
  }
  return t
}

/**
 * The earliest moment ≥ t outside every window [start, start + span), for sorted starts (the
 * quiet time after each session or logged event).
 */
export function afterWindows(starts: readonly number[], span: number, t: number): number {
  for (let i = lowerBound(starts, t - span); i < starts.length; i++) {
    const start = starts[i] as number
    if (start > t) break
    if (t < start + span) t = start + span
  }
  return t
}
