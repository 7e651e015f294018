import type { BACKUP_REASONS } from '../../../../shared/ipc/schemas/backup'
import { recoveryStrings as s } from './recovery.strings'

type CountKey = keyof typeof s.counts

/** "Tuesday 10 March 2026 at 09:30", in the person's locale and zone. */
export const formatWhen = (ms: number): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(ms))

/** "10 March 2026". */
export const formatDay = (ms: number): string => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(ms))

/** "2.1 MB", "640 kB". */
export function formatSize(bytes: number): string {
  const [unit, value] = bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000] as const) : (['kilobyte', Math.max(1, bytes / 1000)] as const)
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)
}

export const reasonLabel = (reason: (typeof BACKUP_REASONS)[number]): string => s.reasons[reason]

/**
 * "2 sessions, 14 reflections and 1 agreement": what a backup or an import holds, by count
 * only (never a title or a name). Zero counts are left out.
 */
export function describeCounts(counts: Partial<Record<CountKey, number>>): string {
  const parts = (Object.keys(s.counts) as CountKey[])
    .filter((key) => (counts[key] ?? 0) > 0)
    .map((key) => {
      const n = counts[key] ?? 0
      const [one, other] = s.counts[key]
      return `${new Intl.NumberFormat().format(n)} ${n === 1 ? one : other}`
    })
  if (parts.length === 0) return s.nothing
  if (parts.length === 1) return parts[0] ?? ''
  return `${parts.slice(0, -1).join(', ')} ${s.and} ${parts[parts.length - 1]}`
}
