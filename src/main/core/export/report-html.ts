/**
 * The date-range report as one self-contained HTML document, pure: every piece of the person's
 * text is escaped, there is no script, and a Content-Security-Policy forbids loading anything
 * (no fonts, images or styles from anywhere). The PdfRenderer port turns it into a PDF.
 */
import { displayDateTimes } from './display-date-times'
import { exportStrings as t } from './export.strings'
import { escapeHtml, printableShell } from './printable-html'
import { rangeTitle, sessionFacts, type Dated, type MarkdownOptions, type MarkdownSource, type RangeLabel } from './markdown'
import { displayDateTime } from './zoned-time'

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.45; color: #1d1d1f; }
body { margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; font-weight: 600; }
.range { font-size: 12pt; margin: 0 0 2pt; }
.meta { font-size: 9pt; color: #555; margin: 0 0 14pt; }
article { break-inside: avoid-page; border-top: 0.5pt solid #bbb; padding: 8pt 0 6pt; }
h2 { font-size: 12pt; margin: 0 0 4pt; font-weight: 600; }
h3 { font-size: 10.5pt; margin: 8pt 0 2pt; font-weight: 600; }
ul.facts { list-style: none; padding: 0; margin: 0 0 6pt; font-size: 9.5pt; color: #333; }
ul.facts li { display: inline; margin-right: 10pt; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
ul.homework { margin: 2pt 0 0 14pt; padding: 0; }
`

const facts = (items: Array<string | null>): string => {
  const shown = items.filter((item): item is string => item !== null)
  return shown.length === 0 ? '' : `<ul class="facts">${shown.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
}

const textBlock = (text: string): string => (text.trim() === '' ? '' : `<p class="text">${escapeHtml(text.trim())}</p>`)

/** The range's counts, for the summary line under the title. */
export interface ReportCounts {
  sessions: number
  reflections: number
  contacts: number
}

type ReportSource = Pick<MarkdownSource, 'therapistNames' | 'reflectionZones'>

function articleHtml(entry: Dated, when: (at: number, zone: string) => string, source: ReportSource, options: MarkdownOptions): string {
  if (entry.kind === 'session') {
    const s = entry.item
    const therapist = s.therapistId === null ? undefined : source.therapistNames.get(s.therapistId)
    const sections = [
      s.notes.trim() === '' ? '' : `<h3>${escapeHtml(t.notes)}</h3>${textBlock(s.notes)}`,
      s.takeaways.trim() === '' ? '' : `<h3>${escapeHtml(t.takeaways)}</h3>${textBlock(s.takeaways)}`,
      s.homework.length === 0
        ? ''
        : `<h3>${escapeHtml(t.homework)}</h3><ul class="homework">${s.homework
            .map((item) => `<li>${escapeHtml(item.text)} (${escapeHtml(t.homeworkStatuses[item.status] ?? item.status)})</li>`)
            .join('')}</ul>`,
    ].join('')
    return `<article class="session"><h2>${escapeHtml(`${t.session}: ${when(s.startsAt, s.timeZone)}`)}</h2>${facts(sessionFacts(s, therapist))}${sections}</article>`
  }
  if (entry.kind === 'reflection') {
    const r = entry.item
    const zone = source.reflectionZones.get(r.id) ?? options.timeZone
    return `<article class="reflection"><h2>${escapeHtml(`${t.reflection}: ${when(r.createdAt, zone)}`)}</h2>${facts([
      r.mood === null ? null : `${t.mood}: ${t.moodOutOf(r.mood)}`,
      r.tags.length === 0 ? null : `${t.tags}: ${r.tags.join(', ')}`,
    ])}${textBlock(r.body)}</article>`
  }
  if (entry.kind === 'homework') {
    const b = entry.item
    return `<article class="homework"><h2>${escapeHtml(`${b.title}: ${when(b.at, options.timeZone)}`)}</h2>${facts(b.facts)}${b.sections
      .map((part) => `<h3>${escapeHtml(part.heading)}</h3>${textBlock(part.text)}`)
      .join('')}</article>`
  }
  const c = entry.item
  return `<article class="contact"><h2>${escapeHtml(`${t.contact}: ${when(c.at, options.timeZone)}`)}</h2>${facts([
    `${c.direction === 'sent' ? t.sent : t.received} (${c.channel}, ${c.purpose})`,
  ])}${textBlock(c.summary)}</article>`
}

/**
 * The report written in pieces through `write` as `items` come (datedItems' order, or
 * datedStream's from pages), so the range never has to be in memory whole; `counts` are the
 * range's, for the summary line written before the first item.
 */
export function writeReportHtml(
  items: Iterable<Dated>,
  source: ReportSource,
  counts: ReportCounts,
  range: RangeLabel,
  options: MarkdownOptions,
  now: number,
  write: (html: string) => void,
): void {
  const when = displayDateTimes(options.locale)
  const { start, end } = printableShell({
    locale: options.locale,
    title: t.reportTitle,
    style: STYLE,
    header: `<h1>${escapeHtml(t.reportTitle)}</h1>
<p class="range">${escapeHtml(rangeTitle(range, options))}</p>
<p class="meta">${escapeHtml(t.summary(counts.sessions, counts.reflections, counts.contacts))}. ${escapeHtml(t.generated(displayDateTime(now, options.timeZone, options.locale)))}</p>`,
  })
  write(start)
  let first = true
  for (const entry of items) {
    const article = articleHtml(entry, when, source, options)
    write(first ? article : `\n${article}`)
    first = false
  }
  if (first) write(`<p>${escapeHtml(t.nothingInRange)}</p>`)
  write(end)
}
