/**
 * Reading an .ics file's structure leniently, before ical.js sees any of it. Real files break
 * in a few known ways: a long DESCRIPTION whose fold lost its leading space, a stray line from
 * a mail client, a calendar that is never closed, several calendars pasted into one file. Each
 * repair is recorded with its line number (never the line's text) so the preview can say what
 * was done. Each event comes out as its own block of text, so one unreadable event is skipped
 * on its own instead of losing the whole file.
 */
import { ImportError } from '../import-error'

export type RepairKind = 'joined_line' | 'stray_line' | 'unclosed_block' | 'unmatched_end' | 'outside_calendar'

export interface Repair {
  line: number
  kind: RepairKind
}

export interface ScannedBlock {
  /** Line of its BEGIN. */
  line: number
  /** Its logical lines (unfolded), BEGIN and END included. */
  lines: string[]
}

export interface ScannedCalendar {
  events: ScannedBlock[]
  timezones: ScannedBlock[]
  /** The calendar's own properties (METHOD, X-WR-TIMEZONE ...), upper-case names, first wins. */
  properties: Map<string, string>
  repairs: Repair[]
}

/** RFC 5545 property names (and the component keywords): a line starting with one is a property. */
const KNOWN_PROPERTIES = new Set(
  (
    'BEGIN END CALSCALE METHOD PRODID VERSION ATTACH CATEGORIES CLASS COMMENT DESCRIPTION GEO LOCATION PERCENT-COMPLETE ' +
    'PRIORITY RESOURCES STATUS SUMMARY COMPLETED DTEND DUE DTSTART DURATION FREEBUSY TRANSP TZID TZNAME TZOFFSETFROM ' +
    'TZOFFSETTO TZURL ATTENDEE CONTACT ORGANIZER RECURRENCE-ID RELATED-TO URL UID EXDATE RDATE RRULE ACTION REPEAT ' +
    'TRIGGER CREATED DTSTAMP LAST-MODIFIED SEQUENCE REQUEST-STATUS NAME REFRESH-INTERVAL SOURCE COLOR IMAGE CONFERENCE'
  ).split(' '),
)
const TEXT_PROPERTIES = new Set(['DESCRIPTION', 'SUMMARY', 'LOCATION', 'COMMENT', 'CONTACT', 'RESOURCES', 'CATEGORIES'])

const PROPERTY_LINE = /^([A-Za-z0-9-]+)[;:]/

const nameOf = (line: string): string => PROPERTY_LINE.exec(line)?.[1]?.toUpperCase() ?? ''

const looksLikeProperty = (line: string): boolean => {
  const name = nameOf(line)
  return name !== '' && (KNOWN_PROPERTIES.has(name) || name.startsWith('X-')) && line.includes(':')
}

const isTextProperty = (line: string): boolean => {
  const name = nameOf(line)
  return TEXT_PROPERTIES.has(name) || (name.startsWith('X-') && !name.startsWith('X-MICROSOFT-CDO-'))
}

interface LogicalLine {
  line: number
  text: string
}

/** Unfolds lines; a line that is not a property is joined to a text property before it, or dropped. */
function logicalLines(text: string, repairs: Repair[]): LogicalLine[] {
  const out: LogicalLine[] = []
  let previousRaw = ''
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const lineNo = index + 1
    const last = out[out.length - 1]
    const before = previousRaw
    previousRaw = raw
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (last) last.text += raw.slice(1)
      else if (raw.trim() !== '') repairs.push({ line: lineNo, kind: 'stray_line' })
      return
    }
    if (raw.trim() === '') return
    if (looksLikeProperty(raw)) {
      out.push({ line: lineNo, text: raw })
      return
    }
    const continues = last !== undefined && !/^(BEGIN|END):/i.test(last.text) && (isTextProperty(last.text) || /^[^\s:;]+$/.test(raw))
    if (last && continues) {
      // A fold that lost its leading space (the line before was cut at RFC 5545's 75 octets),
      // or a raw line break inside a text value.
      const lostFold = Buffer.byteLength(before) >= 72 || !isTextProperty(last.text)
      last.text += lostFold ? raw : `\\n${raw}`
      repairs.push({ line: lineNo, kind: 'joined_line' })
      return
    }
    repairs.push({ line: lineNo, kind: 'stray_line' })
  })
  return out
}

export function scanCalendar(text: string): ScannedCalendar {
  const repairs: Repair[] = []
  const lines = logicalLines(text, repairs)
  if (!lines.some((l) => /^BEGIN:VCALENDAR\s*$/i.test(l.text))) throw new ImportError('not_calendar')

  const events: ScannedBlock[] = []
  const timezones: ScannedBlock[] = []
  const properties = new Map<string, string>()
  const stack: Array<{ name: string; line: number }> = []
  let block: ScannedBlock | null = null
  let blockDepth = 0

  const closeBlock = () => {
    block = null
  }

  for (const { line, text: content } of lines) {
    const upper = content.toUpperCase()
    if (upper.startsWith('BEGIN:')) {
      const name = upper.slice(6).trim()
      if (block === null && (name === 'VEVENT' || name === 'VTIMEZONE')) {
        if (!stack.some((open) => open.name === 'VCALENDAR')) repairs.push({ line, kind: 'outside_calendar' })
        block = { line, lines: [] }
        blockDepth = stack.length
        ;(name === 'VEVENT' ? events : timezones).push(block)
      }
      stack.push({ name, line })
      ;(block as ScannedBlock | null)?.lines.push(`BEGIN:${name}`)
      continue
    }
    if (upper.startsWith('END:')) {
      const name = upper.slice(4).trim()
      const at = stack.map((open) => open.name).lastIndexOf(name)
      if (at === -1) {
        repairs.push({ line, kind: 'unmatched_end' })
        continue
      }
      // Blocks opened inside it and never closed are closed here.
      while (stack.length > at + 1) {
        const open = stack.pop()
        if (open) {
          repairs.push({ line: open.line, kind: 'unclosed_block' })
          ;(block as ScannedBlock | null)?.lines.push(`END:${open.name}`)
        }
      }
      stack.pop()
      ;(block as ScannedBlock | null)?.lines.push(`END:${name}`)
      if (block !== null && stack.length === blockDepth) closeBlock()
      continue
    }
    if (block !== null) (block as ScannedBlock).lines.push(content)
    else if (stack.length > 0 && stack[stack.length - 1]?.name === 'VCALENDAR') {
      const name = nameOf(content)
      if (!properties.has(name)) properties.set(name, content.slice(content.indexOf(':') + 1).trim())
    } else if (stack.length === 0) repairs.push({ line, kind: 'outside_calendar' })
  }
  while (stack.length > 0) {
    const open = stack.pop()
    if (!open) break
    repairs.push({ line: open.line, kind: 'unclosed_block' })
    if (block !== null) {
      ;(block as ScannedBlock).lines.push(`END:${open.name}`)
      if (stack.length === blockDepth) closeBlock()
    }
  }
  return { events, timezones, properties, repairs }
}
