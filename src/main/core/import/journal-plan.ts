/** What importing a Day One journal or a Daylio backup does: new entries become reflections. */
import { defaultMoodFor } from './daylio/daylio-moods'
import type { ParsedDaylio } from './daylio/daylio'
import type { ParsedDayOne } from './day-one'
import { finishPlan, previewBuilder, type ImportLookups, type ImportPlan, type PlannedWrite } from './import-plan'

const firstLine = (body: string): string => (body.split('\n')[0] ?? '').slice(0, 300)

export function planDayOne(parsed: ParsedDayOne, lookups: ImportLookups): ImportPlan {
  const preview = previewBuilder()
  const writes: PlannedWrite[] = []
  for (const { place, reason } of parsed.skips) preview.skip(reason, place)
  if (parsed.attachments > 0) preview.skip('attachments', 'attachments', parsed.attachments)
  for (const entry of parsed.entries) {
    if (lookups.source('day_one', entry.uuid)) {
      preview.body.unchanged++
      continue
    }
    writes.push({
      op: 'createReflection',
      source: 'day_one',
      key: entry.uuid,
      body: entry.body,
      mood: null,
      tags: entry.tags,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      timeZone: entry.timeZone,
    })
    preview.body.create.reflections++
    preview.item({ action: 'create', kind: 'reflection', at: entry.createdAt, title: firstLine(entry.body), status: null, format: null, mood: null })
  }
  return finishPlan(writes, preview.body)
}

export function planDaylio(parsed: ParsedDaylio, moods: Record<string, number | null>, timeZone: string, lookups: ImportLookups): ImportPlan {
  const preview = previewBuilder()
  const writes: PlannedWrite[] = []
  const moodOf = (label: string): number | null => (Object.hasOwn(moods, label) ? (moods[label] ?? null) : defaultMoodFor(label))
  preview.body.moods = [...parsed.moods].slice(0, 200).map(([label, count]) => ({ label: label.slice(0, 200), count, mood: moodOf(label) }))
  for (const { line, reason } of parsed.skips) preview.skip(reason, `line ${line}`)
  for (const entry of parsed.entries) {
    if (lookups.source('daylio', entry.key)) {
      preview.body.unchanged++
      continue
    }
    const mood = moodOf(entry.moodLabel)
    writes.push({ op: 'createReflection', source: 'daylio', key: entry.key, body: entry.body, mood, tags: entry.tags, createdAt: entry.createdAt, updatedAt: entry.createdAt, timeZone })
    preview.body.create.reflections++
    preview.item({ action: 'create', kind: 'reflection', at: entry.createdAt, title: firstLine(entry.body) || entry.tags.join(', ').slice(0, 300), status: null, format: null, mood })
  }
  return finishPlan(writes, preview.body)
}
