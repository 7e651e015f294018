/** 2. Contact hours: weekly windows in the therapist's zone. */
import type { WeeklyWindow } from '../../rules/rule-kinds'
import { minutesOfDay } from '../../rules/rule-kinds'
import type { Ctx } from '../context'
import { list, zoneCity } from '../format'
import { CHANNEL_ONE, PURPOSE_ONE } from '../words'
import { DAY, MINUTE, mod, weekdayOfWall } from '../zone'
import type { Evaluator } from './evaluator'
import { timingOutcome } from './evaluator'

/** Windows by weekday as [startMinute, endMinute) pairs, sorted by start. */
export type WeekTable = Array<Array<[number, number]>>

export function weekTable(windows: readonly WeeklyWindow[]): WeekTable {
  const table: WeekTable = [[], [], [], [], [], [], []]
  for (const w of windows) {
    for (const d of new Set(w.days)) for (const [day, span] of daySpans(d, w)) table[day]?.push(span)
  }
  for (const day of table) day.sort((a, b) => a[0] - b[0])
  return table
}

/** A window as spans within single days: one that crosses midnight continues the next day from 00:00. */
function daySpans(day: number, w: WeeklyWindow): Array<[number, [number, number]]> {
  const s = minutesOfDay(w.start)
  const e = minutesOfDay(w.end)
  if (s < e) return [[day, [s, e]]]
  return e === 0 ? [[day, [s, 24 * 60]]] : [[day, [s, 24 * 60]], [(day + 1) % 7, [0, e]]]
}

/** Is this wall time (zone-less ms) inside a window? */
export function wallInWindow(table: WeekTable, wall: number): boolean {
  const minutes = mod(wall, DAY) / MINUTE
  for (const [s, e] of table[weekdayOfWall(wall)] as Array<[number, number]>) {
    if (s <= minutes && minutes < e) return true
  }
  return false
}

/** The next window start strictly after wall time w, as a wall time; null when there are no windows. */
function nextStartWall(table: WeekTable, w: number): number | null {
  const day0 = w - mod(w, DAY)
  for (let k = 0; k <= 7; k++) {
    const day = day0 + k * DAY
    for (const [s] of table[weekdayOfWall(day)] as Array<[number, number]>) {
      const start = day + s * MINUTE
      if (start > w) return start
    }
  }
  return null
}

/**
 * The first instant ≥ t whose wall time in the therapist's zone falls inside a window. Between
 * clock changes the wall advances with real time, so the next candidate is the next window start;
 * when a clock change comes first, the change itself is a candidate (a jump can land inside a
 * window, or skip a window start entirely).
 */
export function nextInWindow(ctx: Ctx, table: WeekTable, t: number): number | null {
  const zone = ctx.therapistZone
  for (let guard = 0; guard < 400 && t <= ctx.limit; guard++) {
    const off = zone.offset(t)
    const w = t + off * MINUTE
    if (wallInWindow(table, w)) return t
    const W = nextStartWall(table, w)
    if (W === null) return null
    const candidate = W - off * MINUTE
    t = zone.offset(candidate) === off ? candidate : zone.transitionBetween(t, candidate)
  }
  return null
}

export const contactHours: Evaluator<'contact_hours'> = {
  paraphrase: (rule, ctx) => `to get in touch ${windowsWords(rule.params.windows, ctx)}`,
  check: (rule, ctx) => {
    const { exemptPurposes, exemptChannels } = rule.params
    const exemptPurpose = exemptPurposes.includes(ctx.purpose)
    const exemptChannel = exemptChannels.includes(ctx.channel)
    const applies = ctx.purpose !== 'crisis' && !exemptPurpose && !exemptChannel
    const table = weekTable(rule.params.windows)
    const next = (t: number) => nextInWindow(ctx, table, t)
    return {
      applies,
      next: applies ? next : undefined,
      outcome: () => {
        if (!applies) {
          const detail = exemptChannel
            ? `Under this agreement ${CHANNEL_ONE[ctx.channel]} can be sent at any time.`
            : `This is about ${PURPOSE_ONE[ctx.purpose]}, which can come at any time under this agreement.`
          return { met: true, detail }
        }
        const w = ctx.words
        const theirs = ctx.zonesDiffer
          ? `It is ${w.whenIn(ctx.now, ctx.therapistZone.name)} for your therapist`
          : 'It is'
        return timingOutcome(ctx, next, {
          met: () => `${theirs}${ctx.zonesDiffer ? ',' : ''} within those hours now.`,
          notMet: (until) =>
            until === null
              ? `${theirs}${ctx.zonesDiffer ? ',' : ''} outside those hours now, and no window opens in the next 60 days.`
              : `${theirs}${ctx.zonesDiffer ? ',' : ''} outside those hours now. The next window opens ${w.when(until)}${ctx.zonesDiffer ? ' your time' : ''}.`,
        })
      },
    }
  },
}

function windowsWords(windows: readonly WeeklyWindow[], ctx: Ctx): string {
  const w = ctx.words
  const parts = windows.map(
    (win) =>
      `${w.days(win.days)} from ${w.timeOfDay(minutesOfDay(win.start))} to ${w.timeOfDay(minutesOfDay(win.end))}${minutesOfDay(win.end) < minutesOfDay(win.start) ? ' the next day' : ''}`,
  )
  const where = ctx.zonesDiffer ? `, ${zoneCity(ctx.therapistZone.name)} time` : ''
  return `${list(parts, 'and')}${where}`
}
