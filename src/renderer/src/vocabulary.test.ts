import { describe, expect, it } from 'vitest'
import { GLOSSARY, HOMEWORK_STATUSES, RETIRED_WORDS, SESSION_STATUSES, TALKING_POINT_STATUSES } from '../../shared/domain/vocabulary'

/** Every strings module of the renderer: its values, and its source (for words inside functions). */
const modules = import.meta.glob<Record<string, unknown>>('./**/*.strings.ts', { eager: true })
const sources = import.meta.glob<string>('./**/*.strings.ts', { eager: true, query: '?raw', import: 'default' })

/** Objects anywhere in a module whose keys are exactly one state list (a table of state words). */
function stateTables(value: unknown, path: string, out: Array<{ path: string; table: Record<string, unknown> }>): void {
  if (value === null || typeof value !== 'object') return
  const keys = Object.keys(value).sort().join(',')
  for (const states of [SESSION_STATUSES, HOMEWORK_STATUSES, TALKING_POINT_STATUSES]) {
    if (keys === [...states].sort().join(',')) out.push({ path, table: value as Record<string, unknown> })
  }
  for (const [key, child] of Object.entries(value)) stateTables(child, `${path}.${key}`, out)
}

const glossaryFor = (keys: string[]): Record<string, string> => {
  const sorted = keys.sort().join(',')
  if (sorted === [...SESSION_STATUSES].sort().join(',')) return GLOSSARY.sessionStatus
  if (sorted === [...HOMEWORK_STATUSES].sort().join(',')) return GLOSSARY.homeworkStatus
  return GLOSSARY.talkingPointStatus
}

/** The string literals of a source file (quotes and template parts), lower-cased. */
const literals = (source: string): string[] =>
  [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase())

describe('one vocabulary', () => {
  it('finds the strings modules', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10)
    expect(Object.keys(sources)).toEqual(Object.keys(modules))
  })

  it('uses the glossary word for every state, in every strings module', () => {
    const tables: Array<{ path: string; table: Record<string, unknown> }> = []
    for (const [file, module] of Object.entries(modules)) stateTables(module, file, tables)
    // The journal, the timeline and session prep each show states.
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const { path, table } of tables) {
      const glossary = glossaryFor(Object.keys(table))
      for (const [state, word] of Object.entries(table)) {
        expect(typeof word === 'string' ? word.toLowerCase() : word, `${path}.${state}`).toBe(glossary[state]?.toLowerCase())
      }
    }
  })

  it('has no retired word for a state or a thing anywhere in the renderer strings', () => {
    const found: string[] = []
    for (const [file, source] of Object.entries(sources)) {
      for (const text of literals(source)) {
        for (const { word, use } of RETIRED_WORDS) {
          const w = word.toLowerCase()
          // A single word is a state label only when it is the whole string; a phrase anywhere.
          const hit = w.includes(' ') || w.includes('-') ? new RegExp(`\\b${w}\\b`).test(text) : text.trim() === w
          if (hit) found.push(`${file}: "${text}" (the glossary says "${use}")`)
        }
      }
    }
    expect(found).toEqual([])
  })

  it('catches a retired word when one is there (the check itself works)', () => {
    const source = "export const x = { statuses: { attended: 'Happened' }, hint: `Add something to try` }"
    const texts = literals(source)
    expect(texts).toContain('happened')
    expect(RETIRED_WORDS.some(({ word }) => texts.some((t) => t.includes(word.toLowerCase())))).toBe(true)
  })
})
