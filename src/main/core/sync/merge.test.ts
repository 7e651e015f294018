import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../../tests/helpers/sync/memory-store'
import { createHlc } from './hlc'
import { localSet, localText, textDiff } from './local-edits'
import { applyOp } from './merge'
import type { Op } from './ops'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'

describe('merge', () => {
  it('keeps the losing value of a concurrent edit as history; a knowing overwrite is not a conflict', () => {
    const a = createMemoryStore(1)
    const b = createMemoryStore(2)
    const hlcA = createHlc(A, () => 1000)
    const hlcB = createHlc(B, () => 2000)
    const first = localSet(a, hlcA, 'entries', 'r', 'title', 'from A')
    const second = localSet(b, hlcB, 'entries', 'r', 'title', 'from B')
    applyOp(a, second)
    applyOp(b, first)
    expect(a.cell('entries', 'r', 'title')?.value).toBe('from B')
    expect(a.hasHistory('entries', 'r', 'title', first.s)).toBe(true)
    expect(a.hash()).toBe(b.hash())
    hlcA.observe(second.s)
    const third = localSet(a, hlcA, 'entries', 'r', 'title', 'A again, having seen B')
    applyOp(b, third)
    expect(b.hasHistory('entries', 'r', 'title', second.s)).toBe(false)
    expect(a.hash()).toBe(b.hash())
  })

  it('merges two offline edits of one text so both keep their words', () => {
    const a = createMemoryStore(1)
    const b = createMemoryStore(2)
    const hlcA = createHlc(A, () => 1)
    const hlcB = createHlc(B, () => 1)
    const base = localText(a, hlcA, 'entries', 'r', 'body', 'I felt calm today.') as Op
    applyOp(b, base)
    const fromA = localText(a, hlcA, 'entries', 'r', 'body', 'I felt calm today. Work was fine.') as Op
    const fromB = localText(b, hlcB, 'entries', 'r', 'body', 'This morning I felt calm today.') as Op
    applyOp(a, fromB)
    applyOp(b, fromA)
    expect(a.text('entries', 'r', 'body')).toBe('This morning I felt calm today. Work was fine.')
    expect(b.text('entries', 'r', 'body')).toBe(a.text('entries', 'r', 'body'))
  })

  it('finds the smallest replacement without splitting a surrogate pair', () => {
    expect(textDiff('abc', 'abXc')).toEqual({ at: 2, remove: 0, insert: 'X' })
    expect(textDiff('a😀b', 'a😃b')).toEqual({ at: 1, remove: 2, insert: '😃' })
  })

  it('reaches the same state whatever the order and however often operations arrive', () => {
    const writers = [createHlc(A, () => 10), createHlc(B, () => 5)]
    const source = createMemoryStore(9)
    const ops: Op[] = []
    for (let i = 0; i < 40; i++) {
      const hlc = writers[i % 2] as ReturnType<typeof createHlc>
      ops.push(localSet(source, hlc, 'entries', `r${i % 3}`, i % 4 === 0 ? 'done' : 'title', `v${i}`))
    }
    const reference = createMemoryStore(1)
    for (const op of ops) applyOp(reference, op)
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: ops.length }), fc.array(fc.nat(ops.length - 1)), (order, repeats) => {
        const store = createMemoryStore(1)
        for (const op of order) applyOp(store, op)
        for (const index of repeats) applyOp(store, ops[index] as Op)
        expect(store.hash()).toBe(reference.hash())
      }),
      { numRuns: 100 },
    )
  })
})
