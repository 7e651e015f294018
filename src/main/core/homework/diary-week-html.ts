/**
 * A diary card week laid out like the paper card: one column per day, one row per emotion, urge,
 * target behaviour and skill. Escaped HTML for the brief and the one-page print. Pure.
 */
import type { DiaryDay, DiarySetup } from '../../../shared/ipc/schemas/homework'
import { escapeHtml as e } from '../export/printable-html'
import { addDays } from './diary-dates'
import { homeworkStrings as t } from './homework.strings'

export const DIARY_TABLE_STYLE = `
table.diary { border-collapse: collapse; width: 100%; font-size: 8.5pt; table-layout: fixed; }
table.diary th, table.diary td { border: 0.5pt solid #999; padding: 1.5pt 3pt; text-align: center; vertical-align: top; }
table.diary th[scope=row] { text-align: left; font-weight: normal; width: 28%; }
table.diary tr.group th { text-align: left; background: #eee; font-weight: 600; }
table.diary td.note { text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 7.5pt; }
`

const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).format(Date.parse(`${day}T12:00:00Z`))

export function diaryWeekTable(weekStart: string, days: readonly DiaryDay[], setup: DiarySetup, locale: string): string {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
  const byDay = new Map(days.map((d) => [d.day, d]))
  const cells = (value: (day: DiaryDay) => string) => dates.map((date) => {
    const day = byDay.get(date)
    return `<td>${day ? e(value(day)) : ''}</td>`
  }).join('')
  const group = (title: string) => `<tr class="group"><th colspan="8" scope="colgroup">${e(title)}</th></tr>`
  const row = (name: string, value: (day: DiaryDay) => string) => `<tr><th scope="row">${e(name)}</th>${cells(value)}</tr>`
  const rating = (values: Record<string, number>, name: string) => (values[name] === undefined ? '' : String(values[name]))
  const skills = Object.values(setup.skills).flat()
  const extraSkills = [...new Set(days.flatMap((d) => d.skills))].filter((s) => !skills.includes(s))
  return `<table class="diary">
<thead><tr><th scope="col"></th>${dates.map((d) => `<th scope="col">${e(dayLabel(d, locale))}</th>`).join('')}</tr></thead>
<tbody>
${group(t.emotions)}${setup.emotions.map((name) => row(name, (d) => rating(d.emotions, name))).join('')}
${group(t.urges)}${setup.urges.map((name) => row(name, (d) => rating(d.urges, name))).join('')}
${group(t.behaviours)}${setup.behaviours.map((name) => row(name, (d) => (d.behaviours[name] === undefined ? '' : d.behaviours[name] ? '✓' : '–'))).join('')}
${group(t.skills)}${[...skills, ...extraSkills].map((name) => row(name, (d) => (d.skills.includes(name) ? '✓' : ''))).join('')}
${group(t.note)}<tr><th scope="row"></th>${dates.map((date) => `<td class="note">${e(byDay.get(date)?.note ?? '')}</td>`).join('')}</tr>
</tbody>
</table>`
}
