import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { Priority } from '../../../../shared/domain/vocabulary'
import { HOMEWORK_STATUSES, PRIORITIES } from '../../../../shared/domain/vocabulary'
import type { SessionPrep } from '../../../../shared/ipc/contracts/session-prep'
import type { Session } from '../../../../shared/ipc/schemas/sessions'
import { Banner, Button, Card, LoadingArea, SelectField, TextField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { ReviewForm } from './ReviewForm'
import { TakeAwayCard, type TakeAwayMessage } from './TakeAwayCard'
import { sessionPrepStrings as s } from './session-prep.strings'
import { prepQuery } from './session-prep.queries'
import { TalkingPointList } from './TalkingPointList'
import '../agreements/controls.css'
import './session-prep.css'

const sessionWhen = (ms: number) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(ms)
const dayWhen = (ms: number) => new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(ms)
const shortDay = (ms: number) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' }).format(ms)

/** "okay twice, low once", most frequent first. */
export function moodWords(moods: ReadonlyArray<{ mood: number }>): string | null {
  if (moods.length === 0) return null
  const counts = new Map<number, number>()
  for (const { mood } of moods) counts.set(mood, (counts.get(mood) ?? 0) + 1)
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([m, n]) => s.mood.part(s.mood.words[m - 1] ?? String(m), n))
  return s.mood.summary(moods.length, parts)
}

/** The "Next session" page: what to bring, last time's homework, mood, what is still open. */
export default function PrepScreen(): React.JSX.Element {
  const prep = useQuery(prepQuery(null))
  const [reviewing, setReviewing] = useState(false)
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'danger' | 'info' } | null>(null)
  const reviewButton = useRef<HTMLButtonElement>(null)

  return (
    <div className="page prep">
      <header className="page__header">
        <h1>{s.title}</h1>
        {prep.data ? <NextLine prep={prep.data} /> : <p className="page__intro">{s.intro}</p>}
      </header>
      <div role="status" aria-live="polite">
        {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      </div>
      {prep.isPending ? (
        <LoadingArea label={s.title} />
      ) : prep.isError ? (
        <Banner tone="danger" action={<Button onClick={() => void prep.refetch()}>{s.retry}</Button>}>
          {s.loadFailed}
        </Banner>
      ) : reviewing && prep.data.toReview ? (
        <ReviewForm
          session={prep.data.toReview}
          when={dayWhen(prep.data.toReview.startsAt)}
          points={prep.data.talkingPoints}
          previous={prep.data.lastSession}
          onDone={(text) => {
            setReviewing(false)
            setMessage({ text, tone: 'success' })
          }}
          onCancel={() => {
            setReviewing(false)
            requestAnimationFrame(() => reviewButton.current?.focus())
          }}
        />
      ) : (
        <>
          {prep.data.gathered > 0 ? <Banner tone="info">{s.gathered(prep.data.gathered)}</Banner> : null}
          {prep.data.toReview ? (
            <section className="card card--padded review-card" aria-labelledby="review-card-title">
              <h2 id="review-card-title" className="card__title">
                {s.review.cardTitle(dayWhen(prep.data.toReview.startsAt))}
              </h2>
              <p>{s.review.cardBody}</p>
              <div>
                <Button ref={reviewButton} variant="primary" onClick={() => setReviewing(true)}>
                  {s.review.start}
                </Button>
              </div>
            </section>
          ) : null}
          <PointsCard prep={prep.data} onMessage={(text) => setMessage({ text, tone: 'danger' })} />
          <BriefCard onMessage={setMessage} />
          <HomeworkCard session={prep.data.lastSession} onMessage={(text) => setMessage({ text, tone: 'danger' })} />
          <MoodCard moods={prep.data.moods} />
          <OpenCard prep={prep.data} />
        </>
      )}
    </div>
  )
}

function NextLine({ prep }: { prep: SessionPrep }): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const next = prep.nextSession
  if (!next) return <p className="page__intro">{s.noNext}</p>
  const who = therapists.data?.find((t) => t.id === next.therapistId)?.name ?? null
  return <p className="page__intro">{s.next(sessionWhen(next.startsAt), who)}</p>
}

function PointsCard({ prep, onMessage }: { prep: SessionPrep; onMessage: (text: string) => void }): React.JSX.Element {
  const [text, setText] = useState('')
  const [priority, setPriority] = useState<Priority>('normal')
  const [added, setAdded] = useState('')
  const add = async () => {
    const value = text.trim()
    if (!value) return
    const position = prep.talkingPoints.reduce((max, p) => Math.max(max, p.position), -1) + 1
    try {
      await rpc('talkingPoints.create', {
        text: value.slice(0, 5000),
        priority,
        position,
        targetSessionId: prep.nextSession?.id ?? null,
        sourceReflectionId: null,
        sourceDraftId: null,
        status: 'open',
      })
      setText('')
      setPriority('normal')
      setAdded(s.points.added)
    } catch {
      onMessage(s.points.failed)
    }
  }
  return (
    <section className="card card--padded" aria-labelledby="points-title">
      <h2 id="points-title" className="card__title">
        {s.points.title}
      </h2>
      <p className="muted small">{s.points.intro}</p>
      <TalkingPointList points={prep.talkingPoints} onMessage={onMessage} />
      <form
        className="add-point"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <TextField label={s.points.addLabel} value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
        <SelectField label={s.points.priority} className="field--short" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {[...PRIORITIES].reverse().map((p) => (
            <option key={p} value={p}>
              {s.points.priorities[p]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" icon="plus">
          {s.points.addButton}
        </Button>
      </form>
      <p className="visually-hidden" role="status">
        {added}
      </p>
    </section>
  )
}

/** The one-page brief for the next session, to save or copy. */
function BriefCard({ onMessage }: { onMessage: (m: TakeAwayMessage) => void }): React.JSX.Element {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const locale = navigator.language || 'en-GB'
  return (
    <TakeAwayCard
      strings={s.brief}
      savePdf={() => rpc('sessionPrep.briefPdf', { therapistId: null, timeZone, locale, confirmUnencrypted: true })}
      markdown={() => rpc('sessionPrep.briefMarkdown', { therapistId: null, timeZone, locale })}
      onMessage={onMessage}
    />
  )
}

function HomeworkCard({ session, onMessage }: { session: Session | null; onMessage: (text: string) => void }): React.JSX.Element {
  return (
    <Card title={s.homework.title}>
      {session && session.homework.length > 0 ? (
        <>
          <p className="muted small">{s.homework.from(dayWhen(session.startsAt))}</p>
          <ul className="homework">
            {session.homework.map((item) => (
              <li key={item.id} className="homework__item">
                <span className={`homework__text homework__text--${item.status}`} dir="auto">
                  {item.text}
                </span>
                <SelectField
                  label={s.homework.status(item.text)}
                  className="field--short homework__status"
                  value={item.status}
                  onChange={async (e) => {
                    const status = e.target.value as (typeof HOMEWORK_STATUSES)[number]
                    const homework = session.homework.map((h) => (h.id === item.id ? { ...h, status } : h))
                    await rpc('sessions.update', updateSince(session.id, { homework }, session)).catch(() => onMessage(s.points.failed))
                  }}
                >
                  {HOMEWORK_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {s.homework.statuses[status]}
                    </option>
                  ))}
                </SelectField>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{s.homework.none}</p>
      )}
    </Card>
  )
}

function MoodCard({ moods }: { moods: SessionPrep['moods'] }): React.JSX.Element {
  const summary = moodWords(moods)
  return (
    <Card title={s.mood.title}>
      {summary ? (
        <>
          <p>{summary}</p>
          <ol className="mood-strip" aria-label={summary}>
            {moods.map((m, i) => (
              <li key={i} className="mood-strip__item" title={s.mood.day(shortDay(m.at), s.mood.words[m.mood - 1] ?? '')}>
                <span className="mood-strip__bar" style={{ height: `${m.mood * 20}%` }} aria-hidden="true" />
                <span className="visually-hidden">{s.mood.day(shortDay(m.at), s.mood.words[m.mood - 1] ?? '')}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{s.mood.none}</p>
      )}
    </Card>
  )
}

function OpenCard({ prep }: { prep: SessionPrep }): React.JSX.Element {
  const items = [
    ...prep.unanswered.map((c) => ({ id: c.id, text: c.summary || '…', note: s.open.unanswered(dayWhen(c.at)) })),
    ...prep.drafts.map((d) => ({ id: d.id, text: d.body || '…', note: s.open.draft(dayWhen(d.updatedAt)) })),
  ]
  return (
    <Card title={s.open.title}>
      {items.length === 0 ? (
        <p className="muted">{s.open.none}</p>
      ) : (
        <ul className="open-list">
          {items.map((item) => (
            <li key={item.id}>
              <p className="open-list__text" dir="auto">
                {item.text}
              </p>
              <p className="muted small">{item.note}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
