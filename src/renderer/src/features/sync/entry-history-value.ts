/**
 * A kept value as a person reads it: times as dates, lists and ratings stored as JSON text as
 * "Sadness 3, Anger 1", yes/no for ticks. Generic over every synced column.
 */
import { entryHistoryStrings as s } from './entry-history.strings'

export type KeptValue = string | number | boolean | null

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return s.empty
  if (typeof value === 'boolean') return value ? s.yes : s.no
  if (Array.isArray(value)) return value.length === 0 ? s.empty : value.map(describe).join('; ')
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    // A listed item (an emotion with its intensity, a thought with its belief): its words, then its numbers.
    const label = [record.name, record.text].find((x): x is string => typeof x === 'string')
    if (label !== undefined) return [label, ...Object.values(record).filter((x) => typeof x === 'number')].join(' ')
    const entries = Object.entries(record)
    return entries.length === 0 ? s.empty : entries.map(([key, inner]) => `${key} ${describe(inner)}`).join(', ')
  }
  return String(value)
}

function parsedJson(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export function keptValueText(field: string, value: KeptValue, formatTime: (at: number) => string): string {
  if (typeof value === 'number' && field.endsWith('_at')) return formatTime(value)
  return describe(typeof value === 'string' ? parsedJson(value) : value)
}
