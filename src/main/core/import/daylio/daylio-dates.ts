/**
 * Dates in Daylio's first export format, which has no full date: a `year` column and a `date`
 * column like "May 3", "3 May" or "3. Mai" in the app's language. Month names are taken from
 * Intl for the languages Daylio is most used in, long and short forms, dots ignored.
 */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'sv', 'da', 'nb', 'fi', 'cs', 'tr']

const normalise = (word: string): string => word.toLowerCase().normalize('NFC').replace(/\./g, '').trim()

const MONTHS: Map<string, number> = (() => {
  const months = new Map<string, number>()
  for (const language of LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      for (const form of ['format', 'standalone'] as const) {
        const format = new Intl.DateTimeFormat(language, form === 'format' ? { month: style, day: 'numeric', timeZone: 'UTC' } : { month: style, timeZone: 'UTC' })
        for (let month = 0; month < 12; month++) {
          const part = format.formatToParts(Date.UTC(2021, month, 15)).find((p) => p.type === 'month')
          const name = part ? normalise(part.value) : ''
          if (name !== '' && !/^\d+$/.test(name) && !months.has(name)) months.set(name, month + 1)
        }
      }
    }
  }
  return months
})()

/** "May 3" / "3 May" / "3. Mai" with its year as { month, day }, or null. */
export function parseDayAndMonth(value: string): { month: number; day: number } | null {
  const day = /\d{1,2}/.exec(value)
  const word = value.replace(/\d+/g, ' ').split(/[\s,]+/).map(normalise).find((part) => part !== '')
  if (!day || word === undefined) return null
  const month = MONTHS.get(word)
  const dayNumber = Number(day[0])
  return month === undefined || dayNumber < 1 || dayNumber > 31 ? null : { month, day: dayNumber }
}
