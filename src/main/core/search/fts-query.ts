/** The words of what the person typed: letters and digits, with inner apostrophes and hyphens. */
const typedWords = (typed: string): string[] => typed.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? []

const quote = (word: string): string => `"${word.replaceAll('"', '""')}"`

/**
 * The indexed words a typed prefix stands for, when there are only a few (else null). FTS5 has
 * prefix indexes up to 4 characters; a longer prefix is answered by merging the whole list of
 * every word it starts in memory, which for a common word costs tens of milliseconds, while an
 * OR of the same few words is read lazily, newest first, like any word.
 */
export type PrefixTerms = (word: string) => readonly string[] | null

/**
 * Turns what the person typed into a safe FTS5 query: every word quoted (so operators and
 * punctuation are plain text), all words required, the last one as a prefix so results follow
 * typing (spelled out as the words it stands for when `prefixTerms` knows them).
 */
export function toFtsQuery(typed: string, prefixTerms?: PrefixTerms): string | null {
  const words = typedWords(typed)
  const last = words.pop()
  if (last === undefined) return null
  const terms = prefixTerms?.(last)
  const prefix = terms && terms.length > 0 ? `(${terms.map(quote).join(' OR ')})` : `${quote(last)}*`
  return [...words.map(quote), prefix].join(' AND ')
}
