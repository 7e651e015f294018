import { dispatch } from '../../src/main/ipc/dispatch'
import type { Handlers } from '../../src/main/ipc/handlers'
import { MOOD_BUCKETS } from '../../src/shared/ipc/contracts/journal'

/** Zones both sides of UTC, at the far ends (UTC-12 and UTC+14 are the extremes). */
export const ZONES = ['UTC', 'America/Los_Angeles', 'Etc/GMT+12', 'Pacific/Kiritimati', 'Asia/Kolkata'] as const

/**
 * Every read path the person relies on: each list, the timeline (every page), search, the mood
 * trend (every bucket in zones west and east of UTC), the session brief, reminders, the repair
 * view, and a backup check when a backup folder is set. Returns the calls that did not answer ok.
 */
export async function readEverything(handlers: Handlers, options: { backup?: boolean; searchWord?: string } = {}): Promise<string[]> {
  const failures: string[] = []
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(handlers, channel, input)
    if (!result.ok) failures.push(`${channel} ${JSON.stringify(input)} -> ${result.error.code}`)
    return result.ok ? result.value : null
  }
  for (const domain of ['therapists', 'sessions', 'reflections', 'talkingPoints', 'contacts', 'drafts', 'absences', 'rules']) await call(`${domain}.list`, {})
  await call('tags.list', {})
  await call('crisisPlan.get', {})
  await call('reminders.list', {})
  await call('repair.list', {})
  let cursor: string | null = null
  for (let pages = 0; pages < 1000; pages++) {
    const page = (await call('timeline.page', { limit: 50, cursor })) as { nextCursor: string | null } | null
    cursor = page?.nextCursor ?? null
    if (cursor === null) break
  }
  await call('search.query', { query: options.searchWord ?? 'the' })
  for (const timeZone of ZONES) {
    for (const bucket of MOOD_BUCKETS) await call('mood.trend', { timeZone, bucket })
    await call('sessionPrep.briefMarkdown', { timeZone })
  }
  if (options.backup) {
    const made = (await call('backup.now', {})) as { status: string; name?: string } | null
    if (made?.status === 'written') await call('backup.test', { source: { name: made.name } })
  }
  return failures
}
