/**
 * "How we keep in touch between sessions": a one-page sheet to talk the agreements through with
 * the therapist. The starter questions with what the person has written down so far and room for
 * what they decide together, then every agreement past its review date. A small model rendered
 * as HTML (for the PdfRenderer port) or Markdown (copied by the renderer). Pure.
 */
import { describeAgreement } from '../../../shared/domain/contact-check'
import type { Rule } from '../../../shared/domain/rules/rule-kinds'
import { STARTER_QUESTIONS, type StarterQuestionId } from '../../../shared/domain/rules/starter-questions'
import { escapeHtml, printableHtml } from '../export/printable-html'
import { sheetStrings as t } from './agreements-sheet.strings'
import { BRIEF_STYLE, markdownText as md, notedListHtml, notedListMarkdown } from './brief'

export interface SheetOptions {
  timeZone: string
  locale: string
  therapist: { id: string; name: string; timeZone: string }
  now: number
}

export interface AgreementsSheet {
  title: string
  subtitle: string
  /** mine: what the person answered in the starter walk-through; agreed: the agreements on record that answer it. */
  questions: Array<{ title: string; mine: string | null; agreed: string[] }>
  reviews: Array<{ text: string; note: string }>
  made: string
}

const day = (ms: number, o: SheetOptions) => new Intl.DateTimeFormat(o.locale, { timeZone: o.timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(ms)

/** Active agreements whose review date has come by `by`, oldest review first, in words. */
export function agreementsDue(rules: readonly Rule[], by: number, o: SheetOptions): Array<{ text: string; note: string }> {
  const at = { now: o.now, personZone: o.timeZone, locale: o.locale, therapist: o.therapist }
  return rules
    .filter((r) => r.active && r.reviewBy !== null && r.reviewBy <= by)
    .sort((a, b) => (a.reviewBy as number) - (b.reviewBy as number))
    .map((r) => ({ text: describeAgreement(r, at), note: t.reviewNote(day(r.reviewBy as number, o)) }))
}

export function buildAgreementsSheet(
  rules: readonly Rule[],
  answers: ReadonlyArray<{ questionId: StarterQuestionId; answer: string }>,
  o: SheetOptions,
): AgreementsSheet {
  const active = rules.filter((r) => r.active)
  const at = { now: o.now, personZone: o.timeZone, locale: o.locale, therapist: o.therapist }
  return {
    title: t.title,
    subtitle: t.with(o.therapist.name),
    questions: STARTER_QUESTIONS.map((q) => ({
      title: q.title,
      mine: answers.find((a) => a.questionId === q.id)?.answer ?? null,
      agreed: active.filter((r) => (q.kinds as readonly string[]).includes(r.kind)).map((r) => describeAgreement(r, at)),
    })),
    reviews: agreementsDue(active, o.now, o),
    made: t.made(day(o.now, o)),
  }
}

const STYLE = `${BRIEF_STYLE}
html { font-size: 9.5pt; line-height: 1.35; }
.subtitle { margin-bottom: 4pt; }
.intro { margin: 0 0 4pt; color: #444; }
h2 { font-size: 10.5pt; margin: 8pt 0 3pt; }
h3 { font-size: 9pt; margin: 3pt 0 1pt; color: #444; font-weight: 600; }
.lines { margin-top: 0; }
.answer { margin: 0; }
.agreed { margin: 2pt 0 0; font-size: 8.5pt; color: #333; }
.agreed > span:first-child { font-weight: 600; }
.lines div { height: 13pt; }
footer { margin-top: 8pt; }
`

export function agreementsSheetHtml(sheet: AgreementsSheet, locale: string): string {
  const e = escapeHtml
  const questions = sheet.questions
    .map(
      (q, i) => `<h2>${i + 1}. ${e(q.title)}</h2>
<h3>${e(t.mine)}</h3>
${q.mine === null ? `<p class="empty">${e(t.nothingYet)}</p>` : `<p class="answer text" dir="auto">${e(q.mine)}</p>`}
${q.agreed.length === 0 ? '' : `<p class="agreed"><span>${e(t.agreed)}:</span> ${q.agreed.map((m) => `<span class="text">${e(m)}</span>`).join(' ')}</p>`}
<h3>${e(t.ours)}</h3>
<div class="lines"><div></div><div></div></div>`,
    )
    .join('\n')
  const reviews = notedListHtml(t.reviewsTitle, sheet.reviews)
  return printableHtml({
    locale,
    title: sheet.title,
    style: STYLE,
    header: `<h1>${e(sheet.title)}</h1>
<p class="subtitle">${e(sheet.subtitle)}</p>
<p class="intro">${e(t.intro)}</p>`,
    main: `${questions}\n${reviews}`,
    footer: e(sheet.made),
  })
}

export function agreementsSheetMarkdown(sheet: AgreementsSheet): string {
  const out: string[] = [`# ${md(sheet.title)}`, '', md(sheet.subtitle), '', t.intro]
  sheet.questions.forEach((q, i) => {
    out.push('', `## ${i + 1}. ${md(q.title)}`, '', `${t.mine}:`, '', q.mine === null ? t.nothingYet : md(q.mine))
    if (q.agreed.length > 0) out.push('', `${t.agreed}:`, '', ...q.agreed.map((m) => `- ${md(m)}`))
    out.push('', `${t.ours}:`, '', '')
  })
  notedListMarkdown(out, t.reviewsTitle, sheet.reviews)
  out.push('', `_${md(sheet.made)}_`, '')
  return out.join('\n')
}
