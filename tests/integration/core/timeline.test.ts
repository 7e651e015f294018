import type { z } from 'zod'
import type { timelineFilterSchema } from '../../../src/shared/ipc/schemas/timeline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

type Filter = z.output<typeof timelineFilterSchema>
const noFilter: Filter = { kinds: null, tag: null, therapistId: null, from: null, to: null }

describe('timeline.page', () => {
  it('merges every kind of entry newest first', () => {
    writeOneOfEverything(vault.core, 'timeline')
    const { items, nextCursor } = vault.core.timeline.page({ limit: 50, cursor: null, filter: noFilter })
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['session', 'reflection', 'contact', 'draft', 'rule_change']))
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort((a, b) => b - a))
    expect(items.find((i) => i.kind === 'reflection')).toMatchObject({ tags: ['sleep', 'tagtimeline'], mood: 3, bringToSession: true, preview: 'reflection timeline' })
    expect(nextCursor).toBeNull()
  })

  it('walks every entry exactly once across keyset pages, ties on time included', () => {
    for (let i = 0; i < 23; i++) {
      vault.core.reflections.create({ body: `r${i}`, mood: null, tags: [], sessionId: null, bringToSession: false })
      if (i % 3 === 0) vault.clock.advance(1000) // several entries share a timestamp
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = vault.core.timeline.page({ limit: 5, cursor, filter: noFilter })
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(seen).toHaveLength(23)
    expect(new Set(seen).size).toBe(23)
  })

  it('filters by kind, tag, therapist and date range', () => {
    const { therapist, reflection, session } = writeOneOfEverything(vault.core, 'filters')
    vault.core.reflections.create({ body: 'untagged', mood: null, tags: [], sessionId: null, bringToSession: false })
    const page = (filter: Partial<Filter>) => vault.core.timeline.page({ limit: 50, cursor: null, filter: { ...noFilter, ...filter } }).items
    expect(page({ kinds: ['session'] }).map((i) => i.id)).toEqual([session.id])
    expect(page({ tag: 'sleep' }).map((i) => i.id)).toEqual([reflection.id])
    expect(page({ therapistId: therapist.id }).map((i) => i.kind).sort()).toEqual(['contact', 'draft', 'reflection', 'rule_change', 'session'])
    expect(page({ from: session.startsAt, to: session.startsAt + 1 }).map((i) => i.id)).toEqual([session.id])
  })
})
