/**
 * Reminders, stored in the vault. They are derived from the data (a draft's remind_at, a
 * scheduled session, a rule's review date) plus the optional daily reflection prompt, then
 * fired by the scheduler (reminder-scheduler.ts) through the Notifier port, kind only.
 */
import { TZDate } from '@date-fns/tz'
import type { ReminderKind } from '../../../shared/domain/vocabulary'
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsSchema, type Reminder, type ReminderSettings } from '../../../shared/ipc/schemas/reminders'
import { CoreError } from '../errors'
import { zonedParts } from '../export/zoned-time'
import type { ServiceContext } from '../records/entity.service'
import * as repo from './reminders.repo'
import { checkInReminders } from '../homework/check-in-reminders'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Sessions this far ahead get their evening-before reminder. */
const SESSION_LOOKAHEAD = 60 * DAY
/** The evening before a session, in the session's zone. */
export const SESSION_EVE_HOUR = 18
/** A prompt more than this late (the app was closed) is let go rather than shown. */
export const PROMPT_GRACE = 2 * HOUR
/** A check-in due before every session is suggested at noon the day before (the session's zone). */
export const CHECK_IN_HOUR = 12

/** `hour:minute` on the calendar day `dayOffset` days from the day of `ms`, in `zone`. */
export function wallClockOn(ms: number, zone: string, dayOffset: number, hour: number, minute: number): number {
  const p = zonedParts(ms, zone)
  return new TZDate(Number(p.year), Number(p.month) - 1, Number(p.day) + dayOffset, hour, minute, 0, zone).getTime()
}

export function sessionEveDue(startsAt: number, zone: string): number {
  return wallClockOn(startsAt, zone, -1, SESSION_EVE_HOUR, 0)
}

export function nextPromptDue(now: number, time: string, zone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const today = wallClockOn(now, zone, 0, hour, minute)
  return today > now ? today : wallClockOn(now, zone, 1, hour, minute)
}

export interface DueReminder {
  id: string
  kind: ReminderKind
  dueAt: number
}

export function createRemindersService(ctx: ServiceContext) {
  const settingsOf = (stored: string | undefined): ReminderSettings => {
    if (stored === undefined) return { ...DEFAULT_REMINDER_SETTINGS, reflectionPrompt: { ...DEFAULT_REMINDER_SETTINGS.reflectionPrompt } }
    const parsed = reminderSettingsSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : { ...DEFAULT_REMINDER_SETTINGS }
  }

  /** Brings the stored reminders in line with the data and the settings. Idempotent. */
  const sync = (): void => {
    const db = ctx.db()
    const now = ctx.clock.now()
    db.transaction(() => {
      const settings = settingsOf(repo.readSettings(db))
      if (settings.draftReady) {
        repo.reconcile(db, 'draft_ready', repo.draftsWithReminder(db).map((d) => ({ kind: 'draft_ready', refId: d.id, dueAt: d.dueAt })), now)
      } else repo.deleteKind(db, 'draft_ready', true)

      if (settings.sessionTomorrow) {
        // Only while "tomorrow" is still true: not for a session later today.
        const wanted = repo
          .upcomingSessions(db, now, now + SESSION_LOOKAHEAD)
          .filter((s) => now < wallClockOn(s.startsAt, s.timeZone, 0, 0, 0))
          .map((s) => ({ kind: 'session_tomorrow' as const, refId: s.id, dueAt: sessionEveDue(s.startsAt, s.timeZone) }))
        repo.reconcile(db, 'session_tomorrow', wanted, now)
      } else repo.deleteKind(db, 'session_tomorrow', true)

      if (settings.ruleReview) {
        repo.reconcile(db, 'rule_review', repo.rulesWithReview(db).map((r) => ({ kind: 'rule_review', refId: r.id, dueAt: r.dueAt })), now)
      } else repo.deleteKind(db, 'rule_review', true)

      const next = repo.upcomingSessions(db, now, now + SESSION_LOOKAHEAD)[0]
      const dayBefore = next ? { id: next.id, dayBefore: wallClockOn(next.startsAt, next.timeZone, -1, CHECK_IN_HOUR, 0) } : null
      repo.reconcile(db, 'check_in_due', checkInReminders(db, now, dayBefore), now)

      const prompt = settings.reflectionPrompt
      const pending = repo.pendingPrompt(db)
      if (!prompt.enabled) repo.deleteKind(db, 'reflection_prompt', true)
      else {
        const next = nextPromptDue(now, prompt.time, prompt.timeZone)
        if (!pending) repo.insertPrompt(db, next, now)
        // Not yet due: follow a changed time or zone. Overdue: fireDue shows it or lets it go.
        else if (pending.due_at > now && pending.due_at !== next) repo.setDue(db, pending.id, next)
      }
      repo.pruneOldPrompts(db, now - 30 * DAY)
    })()
  }

  return {
    sync,

    /**
     * Marks every reminder that is due as shown and returns the kinds to notify, once each.
     * A session reminder whose session has begun, or a prompt long past, is let go silently.
     */
    fireDue(): ReminderKind[] {
      const db = ctx.db()
      const now = ctx.clock.now()
      return db.transaction(() => {
        const kinds = new Set<ReminderKind>()
        for (const row of repo.dueReminders(db, now)) {
          repo.markFired(db, row.id, now)
          if (row.kind === 'session_tomorrow') {
            const session = row.ref_id === null ? undefined : repo.sessionStart(db, row.ref_id)
            if (!session || session.status !== 'scheduled' || session.startsAt <= now) continue
          }
          if (row.kind === 'reflection_prompt' && now - row.due_at > PROMPT_GRACE) continue
          kinds.add(row.kind)
        }
        return [...kinds]
      })()
    },

    /** Pending reminders due in (now, until]: kinds and times only, for firing while locked. */
    upcoming(until: number): DueReminder[] {
      const now = ctx.clock.now()
      return repo.pendingBetween(ctx.db(), now, until).map((row) => ({ id: row.id, kind: row.kind, dueAt: row.due_at }))
    },

    /** Records reminders shown while the vault was locked. */
    markShown(ids: readonly string[], at: number): void {
      const db = ctx.db()
      db.transaction(() => {
        for (const id of ids) repo.markFired(db, id, at)
      })()
    },

    list(input: { includePast: boolean }): Reminder[] {
      return repo.listReminders(ctx.db(), input.includePast).map(repo.toReminder) as Reminder[]
    },

    dismiss({ id }: { id: string }): Reminder {
      const db = ctx.db()
      if (!repo.dismiss(db, id, ctx.clock.now())) throw new CoreError('NOT_FOUND')
      ctx.events.emit('data.changed', { tables: ['reminders'] })
      return repo.listReminders(db, true).map(repo.toReminder).find((r) => r.id === id) as Reminder
    },

    getSettings: (): ReminderSettings => settingsOf(repo.readSettings(ctx.db())),

    setSettings(settings: ReminderSettings): ReminderSettings {
      const db = ctx.db()
      repo.writeSettings(db, JSON.stringify(settings), ctx.clock.now())
      sync()
      ctx.events.emit('data.changed', { tables: ['reminders'] })
      return settings
    },
  }
}

export type RemindersService = ReturnType<typeof createRemindersService>
