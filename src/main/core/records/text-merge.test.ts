import { describe, expect, it } from 'vitest'
import { mergeTexts, textHunks } from './text-merge'

describe('textHunks', () => {
  it('finds each changed run of words, with positions in the text before', () => {
    expect(textHunks('one two three four', 'one 2 three four five')).toEqual([
      { at: 4, remove: 3, insert: '2' },
      { at: 18, remove: 0, insert: ' five' },
    ])
    expect(textHunks('same', 'same')).toEqual([])
  })
})

describe('mergeTexts', () => {
  it('keeps the words added on both sides at different places', () => {
    expect(mergeTexts('The first words.', 'At the desk: The first words.', 'The first words. Written on the laptop.')).toBe(
      'At the desk: The first words. Written on the laptop.',
    )
  })

  it('takes a change made on one side only', () => {
    expect(mergeTexts('a b c', 'a b c', 'a B c')).toBe('a B c')
    expect(mergeTexts('a b c', 'a B c', 'a b c')).toBe('a B c')
    expect(mergeTexts('a b c', 'x', 'x')).toBe('x')
  })

  it('keeps both versions of words both sides changed: none is lost', () => {
    const merged = mergeTexts('I felt fine.', 'I felt calm.', 'I felt tired.')
    expect(merged).toContain('calm')
    expect(merged).toContain('tired')
    expect(merged).not.toContain('fine')
  })

  it('keeps a sentence the other side added inside a passage this side removed', () => {
    const merged = mergeTexts('Start. Middle one. End.', 'Start. End.', 'Start. Middle one. Added there. End.')
    expect(merged).toContain('Added there.')
    expect(merged).not.toContain('Middle one.')
  })

  it('gives the same result every time', () => {
    const args = ['x y z', 'x 1 y z', 'x y 2 z'] as const
    expect(mergeTexts(...args)).toBe(mergeTexts(...args))
    expect(mergeTexts(...args)).toBe('x 1 y 2 z')
  })
})
