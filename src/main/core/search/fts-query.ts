/**
 * Turns what the person typed into a safe FTS5 query: every word quoted (so operators and
 * punctuation are plain text), all words required, the last one as a prefix so results follow
 * typing.
 */
export function toFtsQuery(typed: string): string | null {
  const words = typed.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)
  if (!words || words.length === 0) return null
  return words
    .map((word, index) => {
      const quoted = `"${word.replaceAll('"', '""')}"`
      return index === words.length - 1 ? `${quoted}*` : quoted
    })
    .join(' ')
}
