import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'
import { buildRows } from './timeline-rows'

const H = 3_600_000
const NOW = Date.UTC(2026, 2, 10, 9)
const session = (id: string, at: number, status: 'scheduled' | 'attended' | 'cancelled' = 'attended', moods: [number | null, number | null] = [null, null]): TimelineEntry => ({
  kind: 'session',
  id,
  at,
  title: null,
  location: null,
  therapistId: null,
  durationMinutes: 50,
  format: 'video',
  status,
  moodBefore: moods[0],
  moodAfter: moods[1],
  preview: '',
})
const reflection = (id: string, at: number, mood: number | null = null): TimelineEntry => ({ kind: 'reflection', id, at, mood, tags: [], bringToSession: false, preview: id })
const newestFirst = (items: TimelineEntry[]) => [...items].sort((a, b) => b.at - a.at)
const shape = (rows: ReturnType<typeof buildRows>) =>
  rows.map((r) => (r.type === 'entry' ? r.entry.id : r.type === 'group' ? `[${r.tense} ${r.session.id} ${r.size}]` : r.type === 'later' ? `[later ${r.sessions.map((s) => s.id).join(',')}]` : `[since ${r.size}]`))

describe('buildRows', () => {
  it('leaves out agreement changes with no words (empty rows), and keeps the ones with words', () => {
    const rule = (id: string, at: number, preview: string): TimelineEntry => ({ kind: 'rule_change', id, at, ruleId: id, therapistId: 't', ruleKind: 'contact_hours', version: 1, retired: false, active: true, preview })
    const rows = buildRows(newestFirst([rule('empty', NOW - H, '  '), rule('worded', NOW - 2 * H, 'Texts for times and admin'), reflection('r1', NOW - 3 * H)]), NOW, false, false)
    expect(shape(rows)).toEqual(['worded', 'r1'])
  })

  it('never shows a session already marked attended as the next one (data from before the rule)', () => {
    const items = newestFirst([session('later', NOW + 7 * 24 * H, 'scheduled'), session('marked', NOW + 2 * H, 'attended'), reflection('r1', NOW - H)])
    const rows = buildRows(items, NOW, true, false)
    const next = rows.find((r) => r.type === 'group' && r.tense === 'next')
    expect(next?.type === 'group' ? next.session.id : null).toBe('later')
  })

  it('heads each stretch with the session it led up to, the next session first', () => {
    const items = newestFirst([
      session('next', NOW + 8 * H, 'scheduled'),
      reflection('r3', NOW - 2 * H),
      session('s2', NOW - 24 * H),
      reflection('r2', NOW - 30 * H),
      reflection('r1', NOW - 40 * H),
      session('s1', NOW - 7 * 24 * H),
    ])
    expect(shape(buildRows(items, NOW, true, false))).toEqual(['[next next 1]', 'r3', '[past s2 2]', 'r2', 'r1', '[past s1 0]'])
  })

  it('folds later scheduled sessions into one row below the next one, expandable, oldest first', () => {
    const items = newestFirst([session('w3', NOW + 21 * 24 * H, 'scheduled'), session('w2', NOW + 14 * 24 * H, 'scheduled'), session('w1', NOW + 7 * 24 * H, 'scheduled'), reflection('r', NOW - H)])
    expect(shape(buildRows(items, NOW, true, false))).toEqual(['[next w1 1]', '[later w2,w3]', 'r'])
    expect(shape(buildRows(items, NOW, true, true))).toEqual(['[next w1 1]', '[later w2,w3]', 'w2', 'w3', 'r'])
  })

  it('starts with "since your last session" when nothing is scheduled; cancelled sessions are entries', () => {
    const items = newestFirst([reflection('r2', NOW - H), session('c', NOW - 2 * H, 'cancelled'), session('s', NOW - 48 * H), reflection('r1', NOW - 50 * H)])
    expect(shape(buildRows(items, NOW, true, false))).toEqual(['[since 2]', 'r2', 'c', '[past s 1]', 'r1'])
  })

  it('collects each stretch’s moods in time order, with the session’s before and after', () => {
    const items = newestFirst([session('s', NOW - 48 * H, 'attended', [2, 4]), reflection('a', NOW - 60 * H, 3), reflection('b', NOW - 50 * H, 1)])
    const group = buildRows(items, NOW, true, false)[0]
    expect(group?.type === 'group' && group.moods.map((m) => m.mood)).toEqual([3, 1, 2, 4])
  })

  it('is a flat list when sessions are filtered out', () => {
    const items = newestFirst([reflection('b', NOW - H), reflection('a', NOW - 2 * H)])
    expect(shape(buildRows(items, NOW, false, false))).toEqual(['b', 'a'])
  })
})
