import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useId, useRef, useState } from 'react'
import type { HomeworkStatus, SessionFormat, SessionStatus } from '../../../../shared/domain/vocabulary'
import { SESSION_LOCATION_MAX, SESSION_TITLE_MAX } from '../../../../shared/domain/session-limits'
import type { Session } from '../../../../shared/ipc/schemas/sessions'
import { sessionStatusFitsTime } from '../../../../shared/domain/session-status'
import { instantFromLocalParts, localParts } from '../../../../shared/domain/time/local-time'
import { Banner, Button, Icon, LoadingArea, PRIVATE_FIELD, SelectField, TextAreaField, TextField } from '../../components/ui'
import { forgetKeptEdit, keptEdit, useAutosave } from '../../lib/autosave'
import { useEditBase } from '../../lib/use-edit-base'
import { rpc } from '../../lib/rpc'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { localZone } from '../timeline/format'
import { timelineStrings } from '../timeline/timeline.strings'
import { ConfirmDelete } from './ConfirmDelete'
import type { EditorEvents } from './editor-types'
import { journalKeys, sessionQuery } from './journal.queries'
import { journalStrings as s } from './journal.strings'
import { MarkdownField } from './MarkdownField'
import { MoodPicker } from './MoodPicker'
import { SaveStatus } from './SaveStatus'
import { uuidV7 } from './uuid'
import { EntryHistory } from '../sync/EntryHistory'

export const FORMATS: SessionFormat[] = ['in_person', 'video', 'phone']
const STATUSES: SessionStatus[] = ['scheduled', 'attended', 'cancelled', 'missed']
const HOMEWORK: HomeworkStatus[] = ['todo', 'doing', 'done', 'dropped']

interface Draft {
  title: string
  location: string
  date: string
  time: string
  durationMinutes: number
  format: SessionFormat
  status: SessionStatus
  therapistId: string | null
  notes: string
  takeaways: string
  moodBefore: number | null
  moodAfter: number | null
  homework: Array<{ id: string; text: string; status: HomeworkStatus }>
}

const fromSession = (x: Session): Draft => ({
  ...localParts(x.startsAt, x.timeZone),
  title: x.title ?? '',
  location: x.location ?? '',
  durationMinutes: x.durationMinutes,
  format: x.format,
  status: x.status,
  therapistId: x.therapistId,
  notes: x.notes,
  takeaways: x.takeaways,
  moodBefore: x.moodBefore,
  moodAfter: x.moodAfter,
  homework: x.homework,
})

/** The fields as the core takes them; null when the date or time is not complete. */
function toFields(draft: Draft, timeZone: string) {
  const startsAt = instantFromLocalParts(draft.date, draft.time, timeZone)
  if (startsAt === null || !Number.isInteger(draft.durationMinutes) || draft.durationMinutes < 5 || draft.durationMinutes > 600) return null
  const { homework, durationMinutes, format, status, therapistId, notes, takeaways, moodBefore, moodAfter } = draft
  const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())
  const rest = { title: orNull(draft.title), location: orNull(draft.location), durationMinutes, format, status, therapistId, notes, takeaways, moodBefore, moodAfter }
  return { ...rest, startsAt, timeZone, homework: homework.filter((item) => item.text.trim() !== '').map((item) => ({ ...item, text: item.text.trim() })) }
}

/** False when the draft marks a session that has not started as attended or missed. */
function statusFits(draft: Draft, timeZone: string): boolean {
  const startsAt = instantFromLocalParts(draft.date, draft.time, timeZone)
  return startsAt === null || sessionStatusFitsTime(draft.status, startsAt, Date.now())
}

/** What autosave and "Add session" send: complete fields with a status that fits the time. */
const fieldsToSend = (draft: Draft, timeZone: string) => (statusFits(draft, timeZone) ? toFields(draft, timeZone) : null)

interface Props extends EditorEvents {
  id: string | null
  newKey: string
  /** For a new session: when to suggest (default: now, rounded to the hour). */
  suggestAt?: number
}

export function SessionEditor(props: Props): React.JSX.Element {
  const query = useQuery({ ...sessionQuery(props.id ?? ''), enabled: props.id !== null, refetchOnMount: 'always' })
  if (props.id !== null && query.isPending) return <LoadingArea label={s.session.editTitle} />
  if (props.id !== null && query.isError) return <Banner tone="warning">{timelineStrings.detail.gone}</Banner>
  if (props.id === null) return <NewSessionForm {...props} />
  return <SessionForm key={props.id} {...props} id={props.id} loaded={query.data as Session} />
}

function SessionFields({ draft, update, zone, dateError }: { draft: Draft; update(patch: Partial<Draft>): void; zone: string; dateError: boolean }): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const baseId = useId()
  return (
    <>
      <div className="form-grid">
        <TextField label={s.session.title} hint={s.session.titleHint} optional maxLength={SESSION_TITLE_MAX} value={draft.title} onChange={(e) => update({ title: e.target.value })} />
        <TextField label={s.session.location} hint={s.session.locationHint} optional maxLength={SESSION_LOCATION_MAX} value={draft.location} onChange={(e) => update({ location: e.target.value })} />
      </div>
      <div className="form-grid">
        <TextField label={s.session.date} type="date" value={draft.date} onChange={(e) => update({ date: e.target.value })} error={dateError ? s.session.invalidDate : undefined} />
        <TextField label={s.session.time} type="time" value={draft.time} onChange={(e) => update({ time: e.target.value })} />
        <TextField
          label={s.session.duration}
          type="number"
          min={5}
          max={600}
          step={5}
          value={String(draft.durationMinutes)}
          onChange={(e) => update({ durationMinutes: Number(e.target.value) })}
        />
      </div>
      {zone !== localZone() ? <p className="muted small">{s.session.zoneNote(zone)}</p> : null}
      <div className="form-grid">
        <SelectField label={s.session.format} value={draft.format} onChange={(e) => update({ format: e.target.value as SessionFormat })}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {s.session.formats[f]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={s.session.status}
          value={draft.status}
          onChange={(e) => update({ status: e.target.value as SessionStatus })}
          error={statusFits(draft, zone) ? undefined : s.session.statusNotYet}
        >
          {STATUSES.map((st) => (
            <option key={st} value={st}>
              {s.session.statuses[st]}
            </option>
          ))}
        </SelectField>
        <SelectField label={s.session.therapist} value={draft.therapistId ?? ''} onChange={(e) => update({ therapistId: e.target.value || null })}>
          <option value="">{s.session.noTherapist}</option>
          {(therapists.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <MoodPicker legend={s.session.moodBefore} value={draft.moodBefore} onChange={(moodBefore) => update({ moodBefore })} />
      <MarkdownField label={s.session.notes} hint={s.session.notesHint} value={draft.notes} onChange={(notes) => update({ notes })} />
      <TextAreaField label={s.session.takeaways} hint={s.session.takeawaysHint} optional value={draft.takeaways} rows={3} onChange={(e) => update({ takeaways: e.target.value })} />
      <MoodPicker legend={s.session.moodAfter} value={draft.moodAfter} onChange={(moodAfter) => update({ moodAfter })} />
      <fieldset className="homework">
        <legend className="field__label">{s.session.homework}</legend>
        {draft.homework.length === 0 ? <p className="muted small">{s.session.homeworkNone}</p> : null}
        <ol className="homework__list">
          {draft.homework.map((item, i) => (
            <li key={item.id} className="homework__item">
              <label className="visually-hidden" htmlFor={`${baseId}-hw-${item.id}`}>
                {s.session.homeworkItem(i + 1)}
              </label>
              <input
                id={`${baseId}-hw-${item.id}`}
                className="input"
                {...PRIVATE_FIELD}
                value={item.text}
                maxLength={2000}
                onChange={(e) => update({ homework: draft.homework.map((h) => (h.id === item.id ? { ...h, text: e.target.value } : h)) })}
              />
              <label className="visually-hidden" htmlFor={`${baseId}-hws-${item.id}`}>
                {s.session.homeworkStatus(i + 1)}
              </label>
              <select
                id={`${baseId}-hws-${item.id}`}
                className="input input--select"
                value={item.status}
                onChange={(e) => update({ homework: draft.homework.map((h) => (h.id === item.id ? { ...h, status: e.target.value as HomeworkStatus } : h)) })}
              >
                {HOMEWORK.map((st) => (
                  <option key={st} value={st}>
                    {s.session.homeworkStatuses[st]}
                  </option>
                ))}
              </select>
              <button type="button" className="icon-button" aria-label={s.session.homeworkRemove(i + 1)} onClick={() => update({ homework: draft.homework.filter((h) => h.id !== item.id) })}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ol>
        <Button variant="quiet" icon="plus" onClick={() => update({ homework: [...draft.homework, { id: uuidV7(), text: '', status: 'todo' }] })}>
          {s.session.homeworkAdd}
        </Button>
      </fieldset>
    </>
  )
}

function defaultDraft(at: number, zone: string): Draft {
  return {
    ...localParts(at, zone),
    title: '',
    location: '',
    durationMinutes: 50,
    format: 'in_person',
    status: at > Date.now() ? 'scheduled' : 'attended',
    therapistId: null,
    notes: '',
    takeaways: '',
    moodBefore: null,
    moodAfter: null,
    homework: [],
  }
}

/** A new session: an explicit "Add session", then it is edited (and autosaved) like any other. */
function NewSessionForm({ newKey, suggestAt, onCreated, onSaved, onClose }: Props): React.JSX.Element {
  const zone = localZone()
  const therapists = useQuery(therapistsListQuery())
  const [draft, setDraft] = useState<Draft>(() => {
    const hour = 3_600_000
    const base = defaultDraft(suggestAt ?? Math.ceil(Date.now() / hour) * hour, zone)
    return keptEdit<Draft>(`session:${newKey}`) ?? base
  })
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [touched, setTouched] = useState(false)
  const therapistId = draft.therapistId ?? (therapists.data?.length === 1 ? (therapists.data[0]?.id ?? null) : null)
  const fields = fieldsToSend({ ...draft, therapistId }, zone)

  const create = async () => {
    setTouched(true)
    if (!fields) return
    setBusy(true)
    setFailed(false)
    try {
      const created = await rpc('sessions.create', fields)
      forgetKeptEdit(`session:${newKey}`)
      onCreated('session', created.id)
      onSaved('session', created.id, created.startsAt)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <form
      className="editor"
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <header className="editor__header">
        <h2 className="editor__title" tabIndex={-1}>{s.session.newTitle}</h2>
      </header>
      {failed ? <Banner tone="danger">{s.session.createFailed}</Banner> : null}
      <SessionFields draft={{ ...draft, therapistId }} update={(patch) => setDraft((d) => ({ ...d, therapistId, ...patch }))} zone={zone} dateError={touched && !toFields(draft, zone)} />
      <footer className="editor__footer">
        <Button variant="quiet" onClick={onClose}>
          {s.series.cancel}
        </Button>
        <Button type="submit" variant="primary" icon="plus" busy={busy} busyLabel={s.session.creating}>
          {s.session.create}
        </Button>
      </footer>
    </form>
  )
}

function SessionForm({ id, loaded, onSaved, onDeleted, onClose }: Props & { id: string; loaded: Session }): React.JSX.Element {
  const queryClient = useQueryClient()
  const key = `session:${id}`
  const zone = loaded.timeZone
  const [draft, setDraft] = useState<Draft>(() => keptEdit<Draft>(key) ?? fromSession(loaded))
  const [confirming, setConfirming] = useState(false)
  const lastAt = useRef(loaded.startsAt)
  // What the fields were edited from (loaded, then each save): see ReflectionEditor.
  const base = useEditBase(fieldsToSend(fromSession(loaded), zone))
  const save = useCallback(
    async (value: Draft) => {
      const fields = fieldsToSend(value, zone)
      if (!fields) return
      const updated = await rpc('sessions.update', base.update(id, fields))
      base.saved(fields)
      queryClient.setQueryData(journalKeys.session(id), updated)
      lastAt.current = updated.startsAt
      onSaved('session', id, updated.startsAt)
    },
    [base, id, zone, onSaved, queryClient],
  )
  const autosave = useAutosave({ key, value: draft, save, loaded: true, shouldSave: (v) => fieldsToSend(v, zone) !== null })
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const remove = async () => {
    await autosave.flush()
    const copy = await rpc('sessions.get', { id })
    const links = await rpc('sessions.links', { id })
    await rpc('sessions.delete', { id })
    forgetKeptEdit(key)
    setConfirming(false)
    onDeleted('session', id, s.session.deleted, async () => {
      const restored = await rpc('sessions.restore', { session: copy, ...links })
      return { at: restored.startsAt }
    })
  }

  return (
    <div className="editor" onBlur={() => void autosave.flush()}>
      <header className="editor__header">
        <h2 className="editor__title" tabIndex={-1}>{s.session.editTitle}</h2>
        <SaveStatus autosave={autosave} />
      </header>
      {autosave.status === 'error' ? <Banner tone="danger">{s.save.errorDetail}</Banner> : null}
      <EntryHistory table="sessions" id={id} />
      <SessionFields draft={draft} update={update} zone={zone} dateError={toFields(draft, zone) === null} />
      <footer className="editor__footer">
        <Button variant="quiet" icon="trash" onClick={() => setConfirming(true)}>
          {s.session.delete}
        </Button>
        <Button variant="secondary" icon="check" onClick={() => void autosave.flush().then(onClose)}>
          {s.close}
        </Button>
      </footer>
      <ConfirmDelete open={confirming} title={s.session.deleteTitle} body={s.session.deleteBody} onCancel={() => setConfirming(false)} onConfirm={remove} />
    </div>
  )
}
