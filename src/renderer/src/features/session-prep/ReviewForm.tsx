import { useEffect, useRef, useState } from 'react'
import type { HomeworkStatus } from '../../../../shared/domain/vocabulary'
import { HOMEWORK_STATUSES } from '../../../../shared/domain/vocabulary'
import type { Session } from '../../../../shared/ipc/schemas/sessions'
import type { TalkingPoint } from '../../../../shared/ipc/schemas/talking-points'
import { Banner, Button, SelectField, TextAreaField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { RadioGroup } from '../agreements/controls'
import { MoodPicker } from '../journal/MoodPicker'
import { sessionPrepStrings } from './session-prep.strings'

const t = sessionPrepStrings.review

/** After the session: what came up, what carries over, notes, takeaways and new homework. */
export function ReviewForm({
  session,
  when,
  points,
  previous,
  onDone,
  onCancel,
}: {
  session: Session
  when: string
  points: readonly TalkingPoint[]
  previous: Session | null
  onDone: (message: string) => void
  onCancel: () => void
}): React.JSX.Element {
  const [outcome, setOutcome] = useState<Record<string, 'discussed' | 'carry'>>(() => Object.fromEntries(points.map((p) => [p.id, 'carry'])))
  const [notes, setNotes] = useState(session.notes)
  const [takeaways, setTakeaways] = useState(session.takeaways)
  const [mood, setMood] = useState<number | null>(session.moodAfter)
  const [homework, setHomework] = useState<string[]>(session.homework.length ? session.homework.map((h) => h.text) : [''])
  const [previousStatus, setPreviousStatus] = useState<Record<string, HomeworkStatus>>(() =>
    Object.fromEntries((previous?.homework ?? []).map((h) => [h.id, h.status])),
  )
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])

  const save = async () => {
    setBusy(true)
    setFailed(false)
    try {
      await rpc('sessionPrep.review', {
        sessionId: session.id,
        discussedIds: points.filter((p) => outcome[p.id] === 'discussed').map((p) => p.id),
        carriedIds: points.filter((p) => outcome[p.id] !== 'discussed').map((p) => p.id),
        notes: notes.trim(),
        takeaways: takeaways.trim(),
        moodAfter: mood,
        homework: homework.map((text) => text.trim()).filter(Boolean).map((text) => ({ text, status: 'todo' as const })),
        previousHomework: previous ? { sessionId: previous.id, items: previous.homework.map((h) => ({ id: h.id, status: previousStatus[h.id] ?? h.status })) } : null,
      })
      onDone(t.saved)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <section className="card card--padded review" aria-labelledby="review-title">
      <h2 id="review-title" ref={headingRef} tabIndex={-1} className="card__title">
        {t.title(when)}
      </h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {points.length === 0 ? (
          <p className="muted">{t.noPoints}</p>
        ) : (
          <fieldset className="choice-group review__points">
            <legend className="choice-group__legend">{t.pointsLegend}</legend>
            {points.map((p) => (
              <RadioGroup
                key={p.id}
                legend={p.text}
                inline
                options={[
                  { value: 'discussed' as const, label: t.discussed },
                  { value: 'carry' as const, label: t.carry },
                ]}
                value={outcome[p.id] ?? 'carry'}
                onChange={(v) => setOutcome((o) => ({ ...o, [p.id]: v }))}
                className="review__point"
              />
            ))}
          </fieldset>
        )}
        <TextAreaField label={t.notes} hint={t.notesHint} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <TextAreaField label={t.takeaways} hint={t.takeawaysHint} rows={3} value={takeaways} onChange={(e) => setTakeaways(e.target.value)} />
        <MoodPicker legend={t.moodAfter} value={mood} onChange={setMood} />
        <div className="stack stack--sm">
          <h3>{t.homeworkTitle}</h3>
          {homework.map((text, i) => (
            <div key={i} className="row-list__item">
              <div className="row-list__fields">
                <TextField label={`${t.homeworkItem} ${i + 1}`} value={text} maxLength={2000} onChange={(e) => setHomework((h) => h.map((x, j) => (j === i ? e.target.value : x)))} />
              </div>
              {homework.length > 1 ? (
                <Button variant="quiet" icon="trash" aria-label={t.removeHomework(i + 1)} onClick={() => setHomework((h) => h.filter((_, j) => j !== i))}>
                  <span className="visually-hidden">{t.removeHomework(i + 1)}</span>
                </Button>
              ) : null}
            </div>
          ))}
          <div>
            <Button icon="plus" onClick={() => setHomework((h) => [...h, ''])}>
              {t.addHomework}
            </Button>
          </div>
        </div>
        {previous && previous.homework.length > 0 ? (
          <div className="stack stack--sm">
            <h3>{t.previousTitle}</h3>
            {previous.homework.map((h) => (
              <SelectField
                key={h.id}
                label={sessionPrepStrings.homework.status(h.text)}
                className="field--medium"
                value={previousStatus[h.id] ?? h.status}
                onChange={(e) => setPreviousStatus((s) => ({ ...s, [h.id]: e.target.value as HomeworkStatus }))}
              >
                {HOMEWORK_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {sessionPrepStrings.homework.statuses[status]}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        ) : null}
        {failed ? (
          <Banner tone="danger" urgent>
            {t.failed}
          </Banner>
        ) : null}
        <div className="button-row button-row--end">
          <Button variant="quiet" onClick={onCancel}>
            {t.cancel}
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t.saving}>
            {t.save}
          </Button>
        </div>
      </form>
    </section>
  )
}
