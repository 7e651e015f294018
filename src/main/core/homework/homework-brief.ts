/**
 * The homework part of the session brief: thought records and diary card weeks marked for the
 * session, and the latest check-in scores with the change since the last session.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { DEFINITIONS } from '../../../shared/domain/homework/questionnaires'
import type { DiaryDay, ThoughtRecord } from '../../../shared/ipc/schemas/homework'
import { fromRow } from '../db/table.repo'
import { escapeHtml as e } from '../export/printable-html'
import { dayInZone } from '../export/zoned-time'
import type { CheckInsService } from './check-ins.service'
import { addDays } from './diary-dates'
import { storedHomeworkSettings } from './diary-card.service'
import { diaryWeekTable } from './diary-week-html'
import { homeworkStrings as t } from './homework.strings'
import * as repo from './homework.repo'

export interface HomeworkBrief {
  records: Array<{ title: string; lines: string[] }>
  /** Each marked week: its label and the week as a ready, escaped HTML table. */
  weeks: Array<{ label: string; table: string; lines: string[] }>
  scores: string[]
}

const flat = (text: string) => text.trim().replace(/\s+/g, ' ')

function recordSummary(record: ThoughtRecord): { title: string; lines: string[] } {
  const hot = record.thoughts.find((thought) => thought.hot)
  const lines = [
    record.situation.trim() ? `${t.situation}: ${flat(record.situation)}` : '',
    record.emotions.length ? `${t.emotions}: ${record.emotions.map((m) => t.emotionBeforeAfter(m.name, m.before, m.after)).join(', ')}` : '',
    record.balancedThought.trim() ? `${t.balanced}: ${flat(record.balancedThought)}` : '',
  ].filter(Boolean)
  return { title: flat(hot?.text ?? record.situation) || t.thoughtRecord, lines }
}

function weekLines(days: readonly DiaryDay[]): string[] {
  const happened = new Map<string, number>()
  for (const day of days) for (const [name, yes] of Object.entries(day.behaviours)) if (yes) happened.set(name, (happened.get(name) ?? 0) + 1)
  const skills = new Set(days.flatMap((day) => day.skills))
  return [
    ...[...happened].map(([name, times]) => `${name}: ${t.happened} (${times})`),
    skills.size ? `${t.skills}: ${[...skills].join(', ')}` : '',
  ].filter(Boolean)
}

export function homeworkBrief(
  db: Database.Database,
  checkIns: CheckInsService,
  options: { since: number | null; timeZone: string; locale: string },
): HomeworkBrief {
  const sinceDay = options.since === null ? null : dayInZone(options.since, options.timeZone)
  const setup = storedHomeworkSettings(repo.readHomeworkSettings(db)).diaryCard
  const weeks = repo
    .markedWeeks(db)
    .filter((week) => sinceDay === null || addDays(week.weekStart, 7) > sinceDay)
    .map(({ weekStart }) => {
      const days = repo.diaryDaysBetween(db, weekStart, addDays(weekStart, 6)).map((row) => fromRow<DiaryDay>(repo.diaryDaysTable, row))
      const from = new Intl.DateTimeFormat(options.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(`${weekStart}T12:00:00Z`))
      return { label: t.briefWeek(from), table: diaryWeekTable(weekStart, days, setup, options.locale), lines: weekLines(days) }
    })
  const scores = checkIns.changesSince(options.since).map(({ questionnaire, latest, previous }) => {
    const definition = DEFINITIONS[questionnaire]
    const line = t.briefScore(definition.name, latest.score, definition.max, t.bands[latest.band])
    return previous ? `${line}, ${t.briefChange(latest.score - previous.score)}` : line
  })
  return {
    records: repo.markedThoughtRecords(db, options.since).map((row) => recordSummary(fromRow<ThoughtRecord>(repo.thoughtRecordsTable, row))),
    weeks,
    scores,
  }
}

export function homeworkBriefHtml(brief: HomeworkBrief | undefined): string {
  if (!brief) return ''
  const out: string[] = []
  if (brief.records.length > 0) {
    out.push(`<h2>${e(t.briefRecordsTitle)}</h2><ul class="plain">${brief.records
      .map((r) => `<li><span class="text">${e(r.title)}</span>${r.lines.map((line) => `<br><span class="note">${e(line)}</span>`).join('')}</li>`)
      .join('')}</ul>`)
  }
  for (const week of brief.weeks) out.push(`<h2>${e(t.briefWeeksTitle)}: ${e(week.label)}</h2>${week.table}`)
  if (brief.scores.length > 0) {
    out.push(`<h2>${e(t.briefScoresTitle)}</h2><ul class="plain">${brief.scores.map((line) => `<li>${e(line)}</li>`).join('')}</ul><p class="note">${e(t.briefScoresNote)}</p>`)
  }
  return out.join('\n')
}

export function homeworkBriefMarkdown(brief: HomeworkBrief | undefined, md: (text: string) => string): string[] {
  if (!brief) return []
  const out: string[] = []
  if (brief.records.length > 0) {
    out.push('', `## ${t.briefRecordsTitle}`, '')
    for (const r of brief.records) out.push(`- ${md(r.title)}`, ...r.lines.map((line) => `  - ${md(line)}`))
  }
  for (const week of brief.weeks) {
    out.push('', `## ${t.briefWeeksTitle}: ${md(week.label)}`, '')
    for (const line of week.lines) out.push(`- ${md(line)}`)
  }
  if (brief.scores.length > 0) {
    out.push('', `## ${t.briefScoresTitle}`, '')
    for (const line of brief.scores) out.push(`- ${md(line)}`)
    out.push('', `_${t.briefScoresNote}_`)
  }
  return out
}
