/**
 * The text of a Day One entry: its Markdown with Day One's escapes undone and photo markers
 * removed cleanly (mid-sentence, on their own line, several in a row), or the text runs of its
 * richText when there is no Markdown; and the metadata Between keeps visible under it.
 */
import type { DayOneRawEntry } from './day-one'

const MOMENT = /!\[[^\]]*\]\(dayone-moment:[^)]*\)/g

/** Day One's Markdown escapes undone ("\." -> "."), photo markers removed without holes. */
export const cleanDayOneMarkdown = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(`^[ \\t]*(?:${MOMENT.source}[ \\t]*)+\\n`, 'gm'), '')
    .replace(new RegExp(`[ \\t]*${MOMENT.source}`, 'g'), '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<"'&:=/])/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

function richTextRuns(richText: string): { text: string; embedded: number } {
  try {
    const parsed = JSON.parse(richText) as { contents?: Array<{ text?: unknown; embeddedObjects?: unknown[] }> }
    let text = ''
    let embedded = 0
    for (const part of parsed.contents ?? []) {
      if (typeof part.text === 'string') text += part.text
      if (Array.isArray(part.embeddedObjects)) embedded += part.embeddedObjects.length
    }
    return { text, embedded }
  } catch {
    return { text: '', embedded: 0 }
  }
}

export function dayOneBody(entry: DayOneRawEntry): string {
  const markdown = cleanDayOneMarkdown(entry.text ?? '')
  if (markdown !== '' || entry.richText === undefined) return markdown
  return cleanDayOneMarkdown(richTextRuns(entry.richText).text)
}

export function attachmentCount(entry: DayOneRawEntry): number {
  const listed = (entry.photos?.length ?? 0) + (entry.videos?.length ?? 0) + (entry.audios?.length ?? 0) + (entry.pdfAttachments?.length ?? 0)
  if (listed > 0) return listed
  const markers = (entry.text ?? '').match(MOMENT)?.length ?? 0
  return Math.max(markers, entry.richText === undefined ? 0 : richTextRuns(entry.richText).embedded)
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/** "Starred", "Place: …", "Weather: …", "Attachments not imported: N", under a marked heading. */
export function metadataLines(entry: DayOneRawEntry, attachments: number): string[] {
  const lines: string[] = []
  if (entry.starred === true) lines.push('Starred in Day One')
  const location = entry.location ?? {}
  const place = [str(location.placeName), str(location.localityName), str(location.administrativeArea), str(location.country)].filter(
    (part, index, all) => part !== '' && all.indexOf(part) === index,
  )
  if (place.length > 0) lines.push(`Place: ${place.join(', ')}`)
  const weather = entry.weather ?? {}
  const temperature = typeof weather.temperatureCelsius === 'number' && Number.isFinite(weather.temperatureCelsius) ? `${Math.round(weather.temperatureCelsius)} °C` : ''
  const conditions = [str(weather.conditionsDescription), temperature].filter((part) => part !== '')
  if (conditions.length > 0) lines.push(`Weather: ${conditions.join(', ')}`)
  if (attachments > 0) lines.push(`Attachments not imported: ${attachments}`)
  return lines.length === 0 ? [] : ['— From Day One —', ...lines]
}
