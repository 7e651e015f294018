/** A Day One journal export (JSON) of `entries` dated entries, a tag on every tenth. */
export function dayOneJournal(entries: number, start = Date.UTC(2019, 0, 1)): string {
  const list = Array.from({ length: entries }, (_, i) => ({
    uuid: `E${i.toString(16).padStart(8, '0')}`,
    creationDate: new Date(start + i * 5 * 3_600_000).toISOString().replace('.000Z', 'Z'),
    text: `Entry ${i}. Slept badly, walked by the river, wrote this down instead of worrying about the week.`,
    ...(i % 10 === 0 ? { tags: [`tag ${i % 7}`] } : {}),
  }))
  return JSON.stringify({ metadata: { version: '1.0' }, entries: list })
}
