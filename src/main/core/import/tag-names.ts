/** Tag names from another app, cleaned the way Between keeps them: trimmed, short, no repeats. */
const TAG_MAX = 60
const TAGS_PER_REFLECTION = 50

export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Map<string, string>()
  for (const raw of tags ?? []) {
    const name = [...raw.trim()].slice(0, TAG_MAX).join('').trim()
    if (name !== '' && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  }
  return [...seen.values()].slice(0, TAGS_PER_REFLECTION)
}
