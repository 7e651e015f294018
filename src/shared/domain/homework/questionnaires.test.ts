import { describe, expect, it } from 'vitest'
import { asksForSafetyPlan, bandFor, PHQ9, GAD7, totalScore, validAnswers } from './questionnaires'

/** Answers for `n` items adding up to `total` (filled from the first item, 3 at most each). */
const answersFor = (n: number, total: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)))

describe('PHQ-9 scoring', () => {
  it('sums the nine answers, 0 to 27', () => {
    expect(totalScore([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0)
    expect(totalScore([3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(27)
    expect(totalScore([1, 2, 0, 3, 1, 0, 2, 1, 0])).toBe(10)
  })

  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'],
    [20, 'severe'], [27, 'severe'],
  ] as const)('a total of %i is in the %s band', (total, band) => {
    const answers = answersFor(9, total)
    expect(totalScore(answers)).toBe(total)
    expect(bandFor('phq9', totalScore(answers))).toBe(band)
  })

  it('refuses totals outside 0–27', () => {
    expect(() => bandFor('phq9', 28)).toThrow(RangeError)
    expect(() => bandFor('phq9', -1)).toThrow(RangeError)
  })
})

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'severe'], [21, 'severe'],
  ] as const)('a total of %i is in the %s band', (total, band) => {
    const answers = answersFor(7, total)
    expect(totalScore(answers)).toBe(total)
    expect(bandFor('gad7', totalScore(answers))).toBe(band)
  })

  it('refuses totals above 21', () => {
    expect(() => bandFor('gad7', 22)).toThrow(RangeError)
  })
})

describe('answers', () => {
  it('needs one answer from 0 to 3 per item', () => {
    expect(PHQ9.items).toHaveLength(9)
    expect(GAD7.items).toHaveLength(7)
    expect(validAnswers('phq9', answersFor(9, 12))).toBe(true)
    expect(validAnswers('phq9', answersFor(7, 12))).toBe(false)
    expect(validAnswers('gad7', [0, 1, 2, 3, 4, 0, 0])).toBe(false)
    expect(validAnswers('gad7', [0, 1, 2, 3, 0.5, 0, 0])).toBe(false)
  })
})

describe('PHQ-9 item 9', () => {
  it('asks for the crisis plan for any answer above 0 on item 9, and only then', () => {
    const none = [3, 3, 3, 3, 3, 3, 3, 3, 0]
    expect(asksForSafetyPlan('phq9', none)).toBe(false)
    for (const answer of [1, 2, 3]) expect(asksForSafetyPlan('phq9', [0, 0, 0, 0, 0, 0, 0, 0, answer])).toBe(true)
    expect(asksForSafetyPlan('gad7', [3, 3, 3, 3, 3, 3, 3])).toBe(false)
  })
})
