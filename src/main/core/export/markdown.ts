/**
 * Markdown exports, pure: one file per session, reflection and homework item (YAML front matter
 * for dates, mood and tags), or one document for a date range. The person's own text goes in as written.
 */
import type { Contact } from '../../../shared/ipc/schemas/contacts'
import type { Reflection } from '../../../shared/ipc/schemas/reflections'
import type { Session } from '../../../shared/ipc/schemas/sessions'
import type { HomeworkBlock } from '../homework/homework-blocks'
import { displayDateTimes } from './display-date-times'
import { exportStrings as t } from './export.strings'
import { dayInZone, displayDate, displayDateTime, hourMinuteInZone, isoInZone } from './zoned-time'

export interface MarkdownSource {
  sessions: Session[]
  reflections: Reflection[]
  contacts: Contact[]
  /** Therapist ID -> name. */
  therapistNames: Map<string, string>
  /** Reflection ID -> the zone it was written in, where known (Day One imports). */
  reflectionZones: Map<string, string>
  /** Thought records, diary card days and check-ins in the range. */
  homework?: HomeworkBlock[]
}

export interface MarkdownOptions {
  /** The zone dates are shown in when an item has none of its own. */
  timeZone: string
  locale: string
}

export interface MarkdownFile {
  name: string
  content: string
}

/** JSON strings and arrays are valid YAML 1.2 flow scalars: safe for any text. */
const yaml = (value: unknown): string => JSON.stringify(value)

const frontMatter = (fields: Array<[string, unknown]>): string =>
  `---\n${fields
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${yaml(value)}`)
    .join('\n')}\n---\n`

/** The random tail of an ID: short, stable, unique enough inside one export. */
const shortId = (id: string): string => id.replace(/-/g, '').slice(-8)

const homeworkLines = (session: Session): string =>
  session.homework.map((item) => `- [${item.status === 'done' ? 'x' : ' '}] ${item.text}${item.status === 'done' || item.status === 'todo' ? '' : ` (${t.homeworkStatuses[item.status] ?? item.status})`}`).join('\n')

function sessionBody(session: Session, headingLevel: string): string {
  const parts: string[] = []
  if (session.notes.trim() !== '') parts.push(`${headingLevel} ${t.notes}\n\n${session.notes.trim()}\n`)
  if (session.takeaways.trim() !== '') parts.push(`${headingLevel} ${t.takeaways}\n\n${session.takeaways.trim()}\n`)
  if (session.homework.length > 0) parts.push(`${headingLevel} ${t.homework}\n\n${homeworkLines(session)}\n`)
  return parts.join('\n')
}

export function sessionFile(session: Session, source: MarkdownSource): MarkdownFile {
  const zone = session.timeZone
  const therapist = session.therapistId === null ? undefined : source.therapistNames.get(session.therapistId)
  const content =
    frontMatter([
      ['type', 'session'],
      ['id', session.id],
      ['date', isoInZone(session.startsAt, zone)],
      ['time_zone', zone],
      ['duration_minutes', session.durationMinutes],
      ['format', session.format],
      ['status', session.status],
      ['therapist', therapist],
      ['mood_before', session.moodBefore ?? undefined],
      ['mood_after', session.moodAfter ?? undefined],
      ['created', new Date(session.createdAt).toISOString()],
      ['updated', new Date(session.updatedAt).toISOString()],
    ]) + `\n${sessionBody(session, '##')}`
  return { name: `${dayInZone(session.startsAt, zone)}-${hourMinuteInZone(session.startsAt, zone)}-session-${shortId(session.id)}.md`, content }
}

export function reflectionFile(reflection: Reflection, source: MarkdownSource, options: MarkdownOptions): MarkdownFile {
  const ownZone = source.reflectionZones.get(reflection.id)
  const zone = ownZone ?? options.timeZone
  const content =
    frontMatter([
      ['type', 'reflection'],
      ['id', reflection.id],
      ['date', isoInZone(reflection.createdAt, zone)],
      ['time_zone', zone],
      ['mood', reflection.mood ?? undefined],
      ['tags', reflection.tags],
      ['session', reflection.sessionId ?? undefined],
      ['bring_to_session', reflection.bringToSession],
      ['updated', new Date(reflection.updatedAt).toISOString()],
    ]) + `\n${reflection.body}\n`
  return {
    name: `${dayInZone(reflection.createdAt, zone)}-${hourMinuteInZone(reflection.createdAt, zone)}-reflection-${shortId(reflection.id)}.md`,
    content,
  }
}

/** A thought record, diary card day or check-in: the document's section for it, under front matter. */
export function homeworkFile(block: HomeworkBlock, options: MarkdownOptions): MarkdownFile {
  const zone = options.timeZone
  const content =
    frontMatter([
      ['type', block.kind.replace('-', '_')],
      ['id', block.id],
      ['date', isoInZone(block.at, zone)],
      ['time_zone', zone],
    ]) + `\n${homeworkMarkdown(block, displayDateTime(block.at, zone, options.locale))}`
  return { name: `${dayInZone(block.at, zone)}-${hourMinuteInZone(block.at, zone)}-${block.kind}-${shortId(block.id)}.md`, content }
}

/** One file per session, reflection and homework item, named by date so a folder listing reads in order. */
export function markdownFiles(source: MarkdownSource, options: MarkdownOptions): MarkdownFile[] {
  return [
    ...source.sessions.map((session) => sessionFile(session, source)),
    ...source.reflections.map((reflection) => reflectionFile(reflection, source, options)),
    ...(source.homework ?? []).map((block) => homeworkFile(block, options)),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export interface RangeLabel {
  from: number | null
  to: number | null
}

export function rangeTitle(range: RangeLabel, options: MarkdownOptions): string {
  const show = (ms: number) => displayDate(ms, options.timeZone, options.locale)
  // `to` is exclusive: show the last day it includes.
  const last = (ms: number) => show(ms - 1)
  if (range.from !== null && range.to !== null) return t.range(show(range.from), last(range.to))
  if (range.from !== null) return t.since(show(range.from))
  if (range.to !== null) return t.until(last(range.to))
  return t.everything
}

export type Dated =
  | { at: number; kind: 'session'; item: Session }
  | { at: number; kind: 'reflection'; item: Reflection }
  | { at: number; kind: 'contact'; item: Contact }
  | { at: number; kind: 'homework'; item: HomeworkBlock }

const byTime = (a: Dated, b: Dated): number => a.at - b.at || (a.item.id < b.item.id ? -1 : 1)

const datedOthers = (source: Omit<MarkdownSource, 'reflections'>): Dated[] => [
  ...source.sessions.map((item) => ({ at: item.startsAt, kind: 'session' as const, item })),
  ...source.contacts.map((item) => ({ at: item.at, kind: 'contact' as const, item })),
  ...(source.homework ?? []).map((item) => ({ at: item.at, kind: 'homework' as const, item })),
]

/** Sessions, reflections and contacts in time order: what both the Markdown document and the report show. */
export function datedItems(source: MarkdownSource): Dated[] {
  return [...datedOthers(source), ...source.reflections.map((item) => ({ at: item.createdAt, kind: 'reflection' as const, item }))].sort(byTime)
}

/**
 * The same order as datedItems, with the reflections read in pages (by created_at, then id):
 * the other items are few and sorted in memory, the reflections are merged in as they come.
 */
export function* datedStream(source: Omit<MarkdownSource, 'reflections'>, reflectionPages: Iterable<Reflection[]>): Generator<Dated> {
  const others = datedOthers(source).sort(byTime)
  let next = 0
  for (const page of reflectionPages) {
    for (const item of page) {
      const reflection: Dated = { at: item.createdAt, kind: 'reflection', item }
      while (next < others.length && byTime(others[next]!, reflection) < 0) yield others[next++]!
      yield reflection
    }
  }
  while (next < others.length) yield others[next++]!
}

const WHITESPACE = /\s/

/**
 * A Markdown document's pieces, tidied as they pass: no run of more than one blank line, no
 * trailing whitespace at the end, one final newline. Whitespace at the end of what has come is
 * held back until text follows it, so the result is the same however the text is cut.
 */
function tidiedWriter(write: (text: string) => void): { push(text: string): void; end(): void } {
  let held = ''
  return {
    push(text) {
      const joined = held + text
      // Where the trailing whitespace starts (what joined.search(/\s*$/) gives, without trying
      // the pattern at every position of the text).
      let cut = joined.length
      while (cut > 0 && WHITESPACE.test(joined[cut - 1] as string)) cut--
      held = joined.slice(cut)
      if (cut > 0) write(joined.slice(0, cut).replace(/\n{3,}/g, '\n\n'))
    },
    end: () => write('\n'),
  }
}

/**
 * One Markdown document for a date range, in time order, written through `write` a piece at a
 * time (the items may be a stream). Returns how many sessions, reflections and contacts it holds.
 */
export function writeMarkdownDocument(
  items: Iterable<Dated>,
  source: Pick<MarkdownSource, 'therapistNames' | 'reflectionZones'>,
  range: RangeLabel,
  options: MarkdownOptions,
  now: number,
  write: (text: string) => void,
): number {
  const zoneFor = (entry: Dated): string =>
    entry.kind === 'session' ? entry.item.timeZone : entry.kind === 'reflection' ? (source.reflectionZones.get(entry.item.id) ?? options.timeZone) : options.timeZone
  const when = displayDateTimes(options.locale)
  const out = tidiedWriter(write)
  out.push([`# ${t.reportTitle}`, '', `${rangeTitle(range, options)}`, '', `_${t.generated(displayDateTime(now, options.timeZone, options.locale))}_`, ''].join('\n'))
  let shown = 0
  let counted = 0
  for (const entry of items) {
    shown++
    if (entry.kind !== 'homework') counted++
    out.push(`\n${entryMarkdown(entry, when(entry.at, zoneFor(entry)), source).join('\n')}`)
  }
  if (shown === 0) out.push(`\n${[t.nothingInRange, ''].join('\n')}`)
  out.end()
  return counted
}

/** One item's lines in the document. */
/** A session's facts as short lines (with whom, how, status, length, moods), for the Markdown and the PDF report. */
export function sessionFacts(s: Session, therapist: string | undefined): string[] {
  return [
    therapist ? `${t.with}: ${therapist}` : null,
    `${t.format}: ${t.formats[s.format] ?? s.format}`,
    `${t.status}: ${t.statuses[s.status] ?? s.status}`,
    t.duration(s.durationMinutes),
    s.moodBefore === null ? null : `${t.moodBefore}: ${t.moodOutOf(s.moodBefore)}`,
    s.moodAfter === null ? null : `${t.moodAfter}: ${t.moodOutOf(s.moodAfter)}`,
  ].filter((fact): fact is string => fact !== null)
}

function entryMarkdown(entry: Dated, when: string, source: Pick<MarkdownSource, 'therapistNames'>): string[] {
  const lines: string[] = []
  if (entry.kind === 'session') {
    const s = entry.item
    const therapist = s.therapistId === null ? undefined : source.therapistNames.get(s.therapistId)
    lines.push(`## ${t.session}: ${when}`, '')
    lines.push(sessionFacts(s, therapist).map((fact) => `- ${fact}`).join('\n'), '')
    const body = sessionBody(s, '###')
    if (body !== '') lines.push(body)
  } else if (entry.kind === 'reflection') {
    const r = entry.item
    lines.push(`## ${t.reflection}: ${when}`, '')
    const facts = [r.mood === null ? null : `${t.mood}: ${t.moodOutOf(r.mood)}`, r.tags.length === 0 ? null : `${t.tags}: ${r.tags.join(', ')}`].filter(
      (fact): fact is string => fact !== null,
    )
    if (facts.length > 0) lines.push(facts.map((fact) => `- ${fact}`).join('\n'), '')
    lines.push(r.body.trim(), '')
  } else if (entry.kind === 'homework') {
    lines.push(homeworkMarkdown(entry.item, when))
  } else {
    const c = entry.item
    lines.push(`## ${t.contact}: ${when}`, '', `- ${c.direction === 'sent' ? t.sent : t.received} (${c.channel}, ${c.purpose})`, '')
    if (c.summary.trim() !== '') lines.push(c.summary.trim(), '')
  }
  return lines
}

/** A thought record, diary card day or check-in as a Markdown section. */
function homeworkMarkdown(block: HomeworkBlock, when: string): string {
  const parts = [`## ${block.title}: ${when}`, '']
  if (block.facts.length > 0) parts.push(block.facts.map((fact) => `- ${fact}`).join('\n'), '')
  for (const { heading, text } of block.sections) parts.push(`### ${heading}`, '', text, '')
  return parts.join('\n')
}
