/**
 * Display helpers for the recovery key. The core defines the format (6 groups of 5 Crockford
 * base32 symbols joined by "-"); reading is case-insensitive, ignores separators, and reads O as
 * 0 and I/L as 1, so a group typed back is compared the same way.
 */

const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212]/gu
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' }

export function normalizeSymbols(input: string): string {
  return input
    .replace(SEPARATORS, '')
    .toUpperCase()
    .replace(/[OIL]/g, (c) => ALIASES[c] ?? c)
}

/** The key's groups as shown ("ABCDE-FGHJK-…" → ["ABCDE", "FGHJK", …]). */
export function recoveryKeyGroups(key: string): string[] {
  const groups = key.split(/[-\s]+/).filter(Boolean)
  if (groups.length > 1) return groups
  const flat = normalizeSymbols(key)
  const chunks: string[] = []
  for (let i = 0; i < flat.length; i += 5) chunks.push(flat.slice(i, i + 5))
  return chunks
}

/** Does `typed` match group `index` (0-based) of `key`? */
export function groupMatches(key: string, index: number, typed: string): boolean {
  const group = recoveryKeyGroups(key)[index]
  return group !== undefined && normalizeSymbols(typed) === normalizeSymbols(group)
}

/** A group to ask for: any of them, chosen at random. */
export function pickGroupIndex(key: string, random: () => number = Math.random): number {
  const count = recoveryKeyGroups(key).length
  return Math.min(count - 1, Math.floor(random() * count))
}
