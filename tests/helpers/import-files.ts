/** Import files of any size, generated (for tests and the bench; none is committed). */

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

const icsTime = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** An iCalendar file of `events` single 50-minute appointments, one every `everyHours` hours from `start`. */
export function calendarFile(events: number, start: number, everyHours = 3): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Between bench//EN']
  for (let i = 0; i < events; i++) {
    const at = start + i * everyHours * 3_600_000
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@example.org`,
      `DTSTAMP:${icsTime(start)}`,
      `DTSTART:${icsTime(at)}`,
      'DURATION:PT50M',
      `SUMMARY:Session ${i}`,
      'LOCATION:Room 4\\, Hill Street 12',
      `DESCRIPTION:Appointment ${i}. Please arrive ten minutes early.`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR', '')
  return lines.join('\r\n')
}
