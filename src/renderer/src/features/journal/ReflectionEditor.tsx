import { TemplatePicker } from '../homework/TemplatePicker'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useId, useRef, useState } from 'react'
import type { Reflection } from '../../../../shared/ipc/schemas/reflections'
import { Banner, Button, LoadingArea } from '../../components/ui'
import { forgetKeptEdit, keptEdit, useAutosave } from '../../lib/autosave'
import { useEditBase } from '../../lib/use-edit-base'
import { rpc } from '../../lib/rpc'
import { formatDateTime, formatDay } from '../timeline/format'
import { timelineStrings } from '../timeline/timeline.strings'
import { ConfirmDelete } from './ConfirmDelete'
import type { EditorEvents } from './editor-types'
import { journalKeys, recentSessionsQuery, reflectionQuery, sessionQuery } from './journal.queries'
import { journalStrings as s } from './journal.strings'
import { MarkdownField } from './MarkdownField'
import { MoodPicker } from './MoodPicker'
import { SaveStatus } from './SaveStatus'
import { TagInput } from './TagInput'
import { EntryHistory } from '../sync/EntryHistory'


interface Draft {
  body: string
  mood: number | null
  tags: string[]
  sessionId: string | null
  bringToSession: boolean
}

const fromReflection = (r: Reflection): Draft => ({ body: r.body, mood: r.mood, tags: r.tags, sessionId: r.sessionId, bringToSession: r.bringToSession })
const EMPTY: Draft = { body: '', mood: null, tags: [], sessionId: null, bringToSession: false }

/** A talking point's text from a reflection: its first line, without Markdown markers. */
export function talkingPointText(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? ''
  const plain = line.replace(/^\s*(#+|[-*+]|\d+\.|>)\s*/, '').replace(/[*_`~]/g, '').trim()
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain
}

interface Props extends EditorEvents {
  /** null: a new reflection, created on the first save. */
  id: string | null
  /** Distinguishes new reflections from each other (kept text after a failed first save). */
  newKey: string
}

export function ReflectionEditor(props: Props): React.JSX.Element {
  const query = useQuery({ ...reflectionQuery(props.id ?? ''), enabled: props.id !== null, staleTime: Infinity, refetchOnMount: 'always' })
  if (props.id !== null && query.isPending) return <LoadingArea label={s.reflection.editTitle} />
  if (props.id !== null && query.isError) return <Banner tone="warning">{timelineStrings.detail.gone}</Banner>
  return <ReflectionForm key={props.id ?? props.newKey} {...props} loaded={query.data ?? null} />
}

function ReflectionForm({ id, newKey, loaded, onCreated, onSaved, onDeleted, onClose }: Props & { loaded: Reflection | null }): React.JSX.Element {
  const queryClient = useQueryClient()
  const baseId = useId()
  const idRef = useRef<string | null>(id)
  const [meta, setMeta] = useState<{ id: string | null; createdAt: number | null }>({ id, createdAt: loaded?.createdAt ?? null })
  const key = `reflection:${id ?? newKey}`
  const [draft, setDraft] = useState<Draft>(() => keptEdit<Draft>(key) ?? (loaded ? fromReflection(loaded) : EMPTY))
  // What the editor's fields were edited from (loaded, then each save): a save changes only what
  // the person changed since, and merges its text with words a sync pass wrote meanwhile.
  const base = useEditBase<Draft>(loaded ? fromReflection(loaded) : null)
  const [confirming, setConfirming] = useState(false)
  const [pointNote, setPointNote] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null)
  const sessions = useQuery(recentSessionsQuery())

  const save = useCallback(
    async (value: Draft) => {
      if (idRef.current === null) {
        const created = await rpc('reflections.create', value)
        idRef.current = created.id
        base.saved(value)
        setMeta({ id: created.id, createdAt: created.createdAt })
        forgetKeptEdit(key)
        queryClient.setQueryData(journalKeys.reflection(created.id), created)
        onCreated('reflection', created.id)
        onSaved('reflection', created.id, created.createdAt)
      } else {
        const updated = await rpc('reflections.update', base.update(idRef.current, value))
        base.saved(value)
        queryClient.setQueryData(journalKeys.reflection(updated.id), updated)
        onSaved('reflection', updated.id, updated.createdAt)
      }
    },
    [base, key, onCreated, onSaved, queryClient],
  )
  const autosave = useAutosave({ key, value: draft, save, loaded: loaded !== null, shouldSave: (v) => idRef.current !== null || v.body.trim() !== '' })
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const bring = async (checked: boolean) => {
    update({ bringToSession: checked })
    setPointNote(null)
    if (!checked) return
    try {
      await autosave.flush()
      const reflectionId = idRef.current
      if (!reflectionId) throw new Error('not saved')
      const { talkingPointIds } = await rpc('reflections.links', { id: reflectionId })
      if (talkingPointIds.length === 0) {
        await rpc('talkingPoints.create', { text: talkingPointText(draft.body) || s.reflection.editTitle, sourceReflectionId: reflectionId })
      }
      setPointNote({ tone: 'success', text: s.reflection.bringAdded })
    } catch {
      setPointNote({ tone: 'danger', text: s.reflection.bringFailed })
    }
  }

  const remove = async () => {
    await autosave.flush()
    const reflectionId = idRef.current
    if (!reflectionId) {
      onClose()
      return
    }
    const copy = await rpc('reflections.get', { id: reflectionId })
    const { talkingPointIds } = await rpc('reflections.links', { id: reflectionId })
    await rpc('reflections.delete', { id: reflectionId })
    forgetKeptEdit(key)
    setConfirming(false)
    onDeleted('reflection', reflectionId, s.reflection.deleted, async () => {
      const restored = await rpc('reflections.restore', { reflection: copy, talkingPointIds })
      return { at: restored.createdAt }
    })
  }

  // The linked session may be older than the recent ones listed: include it too.
  const linkedMissing = draft.sessionId !== null && sessions.data !== undefined && !sessions.data.some((x) => x.id === draft.sessionId)
  const linked = useQuery({ ...sessionQuery(draft.sessionId ?? ''), enabled: linkedMissing })
  const sessionOptions = [...(sessions.data ?? []), ...(linkedMissing && linked.data ? [linked.data] : [])]

  return (
    <div className="editor">
      <header className="editor__header">
        <div>
          <h2 className="editor__title" tabIndex={-1}>{meta.id === null ? s.reflection.newTitle : s.reflection.editTitle}</h2>
          {meta.createdAt ? <p className="muted small">{s.reflection.written(formatDateTime(meta.createdAt))}</p> : <p className="muted small">{s.reflection.emptyNew}</p>}
        </div>
        <SaveStatus autosave={autosave} />
      </header>
      {autosave.status === 'error' ? <Banner tone="danger">{s.save.errorDetail}</Banner> : null}
      {meta.id ? <EntryHistory table="reflections" id={meta.id} /> : null}
      {meta.id === null && draft.body === '' ? <TemplatePicker onPick={(body) => update({ body })} /> : null}

      <MarkdownField
        label={s.reflection.body}
        hint={s.reflection.bodyHint}
        value={draft.body}
        autoFocus={id === null}
        onChange={(body) => update({ body })}
        onBlur={() => void autosave.flush()}
      />

      <MoodPicker legend={s.mood.label} value={draft.mood} onChange={(mood) => update({ mood })} />
      <TagInput value={draft.tags} onChange={(tags) => update({ tags })} />

      <div className="field">
        <label className="field__label" htmlFor={`${baseId}-session`}>
          {s.reflection.session} <span className="field__optional">{s.mood.optional}</span>
        </label>
        <select id={`${baseId}-session`} className="input input--select" value={draft.sessionId ?? ''} onChange={(event) => update({ sessionId: event.target.value || null })}>
          <option value="">{s.reflection.noSession}</option>
          {sessionOptions.map((session) => (
            <option key={session.id} value={session.id}>
              {`${formatDay(session.startsAt)} · ${timelineStrings.statuses[session.status]}`}
            </option>
          ))}
        </select>
      </div>

      <div className="checkbox-field">
        <input
          id={`${baseId}-bring`}
          type="checkbox"
          checked={draft.bringToSession}
          disabled={draft.body.trim() === ''}
          aria-describedby={`${baseId}-bring-hint`}
          onChange={(event) => void bring(event.target.checked)}
        />
        <div>
          <label htmlFor={`${baseId}-bring`}>{s.reflection.bring}</label>
          <p className="field__hint" id={`${baseId}-bring-hint`}>
            {s.reflection.bringHint}
          </p>
        </div>
      </div>
      {pointNote ? <Banner tone={pointNote.tone}>{pointNote.text}</Banner> : null}

      <footer className="editor__footer">
        <Button variant="quiet" icon="trash" onClick={() => setConfirming(true)} disabled={meta.id === null && draft.body === ''}>
          {s.reflection.delete}
        </Button>
        <Button variant="secondary" icon="check" onClick={() => void autosave.flush().then(onClose)}>
          {s.close}
        </Button>
      </footer>

      <ConfirmDelete open={confirming} title={s.reflection.deleteTitle} body={s.reflection.deleteBody} onCancel={() => setConfirming(false)} onConfirm={remove} />
    </div>
  )
}
