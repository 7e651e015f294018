import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'
import { Icon, type IconName } from '../../components/ui'
import { formatDay, formatRelativeDay, formatTime } from './format'
import { describeHomeworkEntry } from '../homework/homework-entries'
import { MoodSparkline } from './MoodSparkline'
import type { SessionEntry, TimelineRow } from './timeline-rows'
import { timelineStrings as s } from './timeline.strings'

export interface RowContext {
  now: number
  therapists: ReadonlyMap<string, Therapist>
  /** Open talking points for the next session. */
  nextPointCount: number | null
}

/** The start of the person's text for a preview: spaces tidied, line breaks kept (at most one blank line). */
const firstLines = (text: string, max = 220) => {
  const clean = text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

const moodWord = (mood: number) => s.moods[mood - 1] ?? ''

export function sessionTitle(session: SessionEntry, ctx: RowContext): string {
  const therapist = session.therapistId ? ctx.therapists.get(session.therapistId) : undefined
  const who = session.title ?? (therapist ? s.group.sessionWith(therapist.name) : s.group.session)
  // A no-break space before each dot keeps it with the words before it when the line wraps.
  const keep = (text: string) => text.replace(/ /g, '\u00a0')
  return [who, keep(formatDay(session.at, ctx.now)), keep(s.minutes(session.durationMinutes)), s.formats[session.format]].join('\u00a0· ')
}

function sessionMood(session: SessionEntry): string | null {
  if (session.moodBefore !== null && session.moodAfter !== null) return s.entry.moodBeforeAfter(moodWord(session.moodBefore), moodWord(session.moodAfter))
  if (session.moodBefore !== null) return s.entry.mood(moodWord(session.moodBefore))
  if (session.moodAfter !== null) return s.entry.mood(moodWord(session.moodAfter))
  return null
}

/** The label, icon, meta line and text of an entry row. */
export function describeEntry(entry: TimelineEntry, ctx: RowContext): { icon: IconName; label: string; meta: string[]; text: string; tags: string[]; mood: number | null; flag: string | null } {
  const when = `${formatDay(entry.at, ctx.now)}, ${formatTime(entry.at)}`
  switch (entry.kind) {
    case 'reflection':
      return { icon: 'leaf', label: s.entry.reflection, meta: [when], text: firstLines(entry.preview), tags: entry.tags, mood: entry.mood, flag: entry.bringToSession ? s.entry.bringUp : null }
    case 'session':
      return { icon: 'clock', label: sessionTitle(entry, ctx), meta: [s.statuses[entry.status], formatTime(entry.at), entry.location ?? '', sessionMood(entry) ?? ''].filter(Boolean), text: firstLines(entry.preview), tags: [], mood: null, flag: null }
    case 'contact':
      return {
        icon: entry.direction === 'sent' ? 'arrowLeft' : 'download',
        label: entry.direction === 'sent' ? s.entry.contactSent(s.channels[entry.channel]) : s.entry.contactReceived(s.channels[entry.channel]),
        meta: [when, s.purposes[entry.purpose]],
        text: firstLines(entry.preview),
        tags: [],
        mood: null,
        flag: entry.overrodeRules ? s.entry.overrode : null,
      }
    case 'draft':
      return {
        icon: 'copy',
        label: s.entry.draft,
        meta: [when, s.purposes[entry.purpose], entry.remindAt ? s.entry.remindAt(formatRelativeDay(entry.remindAt, ctx.now)) : ''].filter(Boolean),
        text: firstLines(entry.preview),
        tags: [],
        mood: null,
        flag: null,
      }
    case 'rule_change':
      return {
        icon: 'info',
        label: entry.retired ? s.entry.ruleRetired : entry.version === 1 ? s.entry.ruleNew : s.entry.ruleChange,
        meta: [when, entry.active ? '' : s.entry.rulePaused].filter(Boolean),
        text: firstLines(entry.preview),
        tags: [],
        mood: null,
        flag: null,
      }
    default:
      return { ...describeHomeworkEntry(entry, when), tags: [], mood: null }
  }
}

interface RowProps {
  row: TimelineRow
  ctx: RowContext
  id: string
  active: boolean
  open: boolean
  posinset: number
  onOpen(): void
  onToggleLater(): void
  onFocusRow(): void
}

/** One row of the feed: a session heading its stretch, an entry, or the folded later sessions. */
export function TimelineRowView({ row, ctx, id, active, open, posinset, onOpen, onToggleLater, onFocusRow }: RowProps): React.JSX.Element {
  if (row.type === 'later') {
    return (
      <article className="tl-later" id={id} aria-labelledby={`${id}-title`} aria-posinset={posinset} aria-setsize={-1}>
        <span className="muted" id={`${id}-title`}>
          {s.group.laterCount(row.sessions.length)}
        </span>
        <button type="button" className="btn btn--quiet" aria-expanded={row.expanded} tabIndex={active ? 0 : -1} onClick={onToggleLater} onFocus={onFocusRow}>
          <span>{row.expanded ? s.group.hideLater : s.group.showLater}</span>
        </button>
      </article>
    )
  }
  if (row.type === 'since') {
    return (
      <article className="tl-since" id={id} aria-labelledby={`${id}-title`} aria-posinset={posinset} aria-setsize={-1}>
        <h2 className="tl-since__title" id={`${id}-title`}>
          {s.group.since}
        </h2>
        <MoodSparkline points={row.moods} />
      </article>
    )
  }
  const common = {
    id,
    tabIndex: active ? 0 : -1,
    'aria-posinset': posinset,
    'aria-setsize': -1,
    'aria-labelledby': `${id}-title`,
    'aria-current': open ? ('true' as const) : undefined,
    onClick: onOpen,
    onFocus: onFocusRow,
  }
  if (row.type === 'group') {
    const { session } = row
    const isNext = row.tense === 'next'
    const mood = sessionMood(session)
    return (
      <article {...common} className={`tl-group${isNext ? ' tl-group--next' : ''}${open ? ' is-open' : ''}`}>
        <p className="tl-group__when">
          <span className="tl-group__badge">{isNext ? s.group.next : s.statuses[session.status]}</span>
          <span>{`${formatRelativeDay(session.at, ctx.now)} · ${formatTime(session.at)}`}</span>
          {session.location ? (
            <span className="tl-group__place" dir="auto">
              {session.location}
            </span>
          ) : null}
        </p>
        <h2 className="tl-group__title" id={`${id}-title`}>
          {sessionTitle(session, ctx)}
        </h2>
        {session.preview ? <p className="tl-group__preview" dir="auto">{firstLines(session.preview, 180)}</p> : null}
        <div className="tl-group__footer">
          {isNext && ctx.nextPointCount ? (
            <span className="tl-chip tl-chip--accent">
              <Icon name="check" size={16} />
              {s.group.talkingPoints(ctx.nextPointCount)}
            </span>
          ) : null}
          {mood ? <span className="tl-chip">{mood}</span> : null}
          {row.size > 0 ? <span className="muted small">{s.group.entries(row.size)}</span> : null}
          <MoodSparkline points={row.moods} />
        </div>
      </article>
    )
  }
  const d = describeEntry(row.entry, ctx)
  return (
    <article {...common} className={`tl-entry tl-entry--${row.entry.kind}${open ? ' is-open' : ''}`} data-status={row.entry.kind === 'session' ? row.entry.status : undefined}>
      <span className="tl-entry__icon">
        <Icon name={d.icon} size={18} />
      </span>
      <div className="tl-entry__content">
        <p className="tl-entry__head">
          <span className="tl-entry__label" id={`${id}-title`}>
            {d.label}
          </span>
          <span className="tl-entry__meta">{d.meta.join(' · ')}</span>
        </p>
        {d.text ? <p className="tl-entry__text" dir="auto">{d.text}</p> : null}
        {d.tags.length > 0 || d.mood !== null || d.flag ? (
          <p className="tl-entry__chips">
            {d.flag ? <span className="tl-chip tl-chip--accent">{d.flag}</span> : null}
            {d.mood !== null ? <span className="tl-chip" data-mood={d.mood}>{s.entry.mood(moodWord(d.mood))}</span> : null}
            {d.tags.map((tag) => (
              <span key={tag} className="tl-chip tl-chip--tag" dir="auto">
                #{tag}
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </article>
  )
}
