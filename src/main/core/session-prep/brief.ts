/**
 * The one-page session brief: a small model built from the prep data, then rendered as HTML
 * (for the PdfRenderer port) or Markdown (copied by the renderer). Pure.
 */
import type { SessionPrep } from '../../../shared/ipc/contracts/session-prep'
import { escapeHtml, printableHtml } from '../export/printable-html'
import { briefStrings as t } from './session-prep.strings'
import { DIARY_TABLE_STYLE } from '../homework/diary-week-html'
import { homeworkBriefHtml, homeworkBriefMarkdown, type HomeworkBrief } from '../homework/homework-brief'

export interface BriefOptions {
  timeZone: string
  locale: string
  therapistName: string | null
  now: number
}

export interface Brief {
  title: string
  subtitle: string | null
  points: Array<{ text: string; priority: string }>
  homework: Array<{ text: string; status: string; done: boolean }>
  mood: string | null
  open: Array<{ text: string; note: string }>
  /** Agreements due for review by the session. */
  reviews: Array<{ text: string; note: string }>
  made: string
  /** Thought records and diary weeks marked for the session; check-in scores. */
  practice?: HomeworkBrief
}

const format = (ms: number, options: BriefOptions, style: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(options.locale, { timeZone: options.timeZone, ...style }).format(ms)

const whenLong = (ms: number, o: BriefOptions) =>
  format(ms, o, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })
const dayShort = (ms: number, o: BriefOptions) => format(ms, o, { weekday: 'long', day: 'numeric', month: 'long' })

/** Mood in words, most frequent first: "okay twice, low once". */
export function moodSummary(moods: ReadonlyArray<{ mood: number }>): string | null {
  if (moods.length === 0) return null
  const counts = new Map<number, number>()
  for (const { mood } of moods) counts.set(mood, (counts.get(mood) ?? 0) + 1)
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([mood, times]) => t.moodPart(t.moodWords[mood - 1] ?? String(mood), times))
  return t.moodSummary(moods.length, parts)
}

const oneLine = (text: string, max = 400): string => {
  const flat = text.trim().replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

export function buildBrief(prep: SessionPrep, options: BriefOptions, reviews: Brief['reviews'] = []): Brief {
  const next = prep.nextSession
  const homeworkFrom = prep.lastSession
  return {
    title: next ? t.titleFor(whenLong(next.startsAt, options)) : t.titleNext,
    subtitle: options.therapistName ? t.with(options.therapistName) : null,
    points: prep.talkingPoints.map((point) => ({ text: point.text.trim(), priority: t.priorities[point.priority] })),
    homework: (homeworkFrom?.homework ?? []).map((item) => ({
      text: item.text,
      status: t.homeworkStatuses[item.status],
      done: item.status === 'done',
    })),
    mood: moodSummary(prep.moods),
    open: [
      ...prep.unanswered.map((c) => ({ text: oneLine(c.summary) || '…', note: t.unanswered(dayShort(c.at, options)) })),
      ...prep.drafts.map((d) => ({ text: oneLine(d.body) || '…', note: t.draft })),
    ],
    reviews,
    made: t.made(dayShort(options.now, options)),
  }
}


/** The brief's print style; the agreements sheet builds on it. */
export const BRIEF_STYLE = `
@page { size: A4; margin: 16mm 16mm 14mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1d1d1f; }
body { margin: 0; }
h1 { font-family: "DejaVu Serif", Georgia, serif; font-size: 17pt; font-weight: 600; margin: 0 0 2pt; }
.subtitle { margin: 0 0 12pt; color: #444; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt; padding-bottom: 2pt; border-bottom: 0.5pt solid #bbb; }
ol.points { margin: 0; padding-left: 16pt; }
ol.points li { margin: 0 0 4pt; padding-left: 2pt; }
.tag { font-size: 8.5pt; font-weight: 600; border: 0.5pt solid #777; border-radius: 3pt; padding: 0 3pt; margin-left: 4pt; white-space: nowrap; }
ul.plain { margin: 0; padding-left: 14pt; }
ul.plain li { margin: 0 0 3pt; }
.note { color: #555; font-size: 9pt; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { color: #444; margin: 0; }
footer { margin-top: 16pt; font-size: 8.5pt; color: #666; }
.lines { margin-top: 6pt; }
.lines div { border-bottom: 0.5pt solid #ccc; height: 18pt; }
${DIARY_TABLE_STYLE}`

/** "text (note)" items as a plain list, escaped; '' when there are none. */
export function notedListHtml(title: string, items: ReadonlyArray<{ text: string; note: string }>): string {
  const e = escapeHtml
  if (items.length === 0) return ''
  return `<h2>${e(title)}</h2><ul class="plain">${items.map((o) => `<li><span class="text">${e(o.text)}</span> <span class="note">(${e(o.note)})</span></li>`).join('')}</ul>`
}

/** The same in Markdown, pushed onto `out`. */
export function notedListMarkdown(out: string[], title: string, items: ReadonlyArray<{ text: string; note: string }>): void {
  if (items.length === 0) return
  out.push('', `## ${title}`, '')
  for (const o of items) out.push(`- ${markdownText(o.text)} (${o.note})`)
}

export function briefHtml(brief: Brief, locale: string): string {
  const e = escapeHtml
  const points =
    brief.points.length === 0
      ? `<p class="empty">${e(t.noPoints)}</p>`
      : `<ol class="points">${brief.points
          .map((p) => `<li><span class="text">${e(p.text)}</span>${p.priority ? `<span class="tag">${e(p.priority)}</span>` : ''}</li>`)
          .join('')}</ol>`
  const homework =
    brief.homework.length === 0
      ? ''
      : `<h2>${e(t.homeworkTitle)}</h2><ul class="plain">${brief.homework
          .map((h) => `<li><span class="text">${e(h.text)}</span> <span class="note">(${e(h.status)})</span></li>`)
          .join('')}</ul>`
  const mood = brief.mood ? `<h2>${e(t.moodTitle)}</h2><p>${e(brief.mood)}</p>` : ''
  const open = notedListHtml(t.questionsTitle, brief.open)
  const reviews = notedListHtml(t.reviewsTitle, brief.reviews)
  return printableHtml({
    locale,
    title: brief.title,
    style: BRIEF_STYLE,
    header: `<h1>${e(brief.title)}</h1>
${brief.subtitle ? `<p class="subtitle">${e(brief.subtitle)}</p>` : ''}`,
    main: `<h2>${e(t.pointsTitle)}</h2>
${points}
${homework}
${mood}
${open}
${reviews}
${homeworkBriefHtml(brief.practice)}
<h2>${e(t.notesTitle)}</h2>
<div class="lines"><div></div><div></div><div></div><div></div></div>`,
    footer: e(brief.made),
  })
}

/** Markdown special characters at the start of a line or inline, escaped so the text stays text. */
export const markdownText = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n+/g, ' ')

export function briefMarkdown(brief: Brief): string {
  const out: string[] = [`# ${markdownText(brief.title)}`]
  if (brief.subtitle) out.push('', markdownText(brief.subtitle))
  out.push('', `## ${t.pointsTitle}`, '')
  if (brief.points.length === 0) out.push(t.noPoints)
  brief.points.forEach((p, i) => out.push(`${i + 1}. ${markdownText(p.text)}${p.priority ? ` (${p.priority})` : ''}`))
  if (brief.homework.length > 0) {
    out.push('', `## ${t.homeworkTitle}`, '')
    for (const h of brief.homework) out.push(`- [${h.done ? 'x' : ' '}] ${markdownText(h.text)} (${h.status})`)
  }
  if (brief.mood) out.push('', `## ${t.moodTitle}`, '', brief.mood)
  notedListMarkdown(out, t.questionsTitle, brief.open)
  notedListMarkdown(out, t.reviewsTitle, brief.reviews)
  out.push(...homeworkBriefMarkdown(brief.practice, markdownText))
  out.push('', `## ${t.notesTitle}`, '', '', `_${markdownText(brief.made)}_`, '')
  return out.join('\n')
}
