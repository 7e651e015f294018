import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { ChannelInput } from '../../../../shared/ipc/contract'
import { THINKING_TRAPS, type ThinkingTrap } from '../../../../shared/domain/homework/homework-lists'
import { instantFromLocalParts, localParts } from '../../../../shared/domain/time/local-time'
import type { ThoughtRecord } from '../../../../shared/ipc/schemas/homework'
import { Button, TextAreaField, TextField } from '../../components/ui'
import { useAutosave } from '../../lib/autosave'
import { useEditBase } from '../../lib/use-edit-base'
import { rpc } from '../../lib/rpc'
import { Checkbox, CheckboxGroup } from '../agreements/controls'
import { ConfirmDelete } from '../journal/ConfirmDelete'
import { SaveStatus } from '../journal/SaveStatus'
import { EntryHistory } from '../sync/EntryHistory'
import { localZone } from '../timeline/format'
import { homeworkKeys } from './homework.queries'
import { homeworkStrings } from './homework.strings'
import { PercentField } from './PercentField'

const s = homeworkStrings.thoughtRecords
type Draft = Required<Omit<ChannelInput<'thoughtRecords.create'>, 'thoughts' | 'emotions'>> & {
  emotions: Array<{ name: string; before: number; after: number | null }>
  thoughts: Array<{ text: string; belief: number; hot: boolean; traps: ThinkingTrap[] }>
}

export const emptyDraft = (now: number): Draft => ({
  happenedAt: now,
  situation: '',
  emotions: [{ name: '', before: 50, after: null }],
  thoughts: [{ text: '', belief: 50, hot: true, traps: [] }],
  evidenceFor: '',
  evidenceAgainst: '',
  balancedThought: '',
  balancedBelief: null,
  bringToSession: false,
})

const fromRecord = ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: ThoughtRecord): Draft => fields

/** What the contract accepts: rows without a name or text are left out. */
const cleaned = (draft: Draft): Draft => ({
  ...draft,
  emotions: draft.emotions.filter((e) => e.name.trim() !== '').map((e) => ({ ...e, name: e.name.trim() })),
  thoughts: draft.thoughts.filter((t) => t.text.trim() !== ''),
})

const hasContent = (draft: Draft) =>
  draft.situation.trim() !== '' || draft.emotions.some((e) => e.name.trim()) || draft.thoughts.some((t) => t.text.trim())

const trapOptions = THINKING_TRAPS.map((trap) => ({ value: trap, label: homeworkStrings.traps[trap][0], hint: homeworkStrings.traps[trap][1] }))

/** The seven columns, saved as the person writes; the hot thought stays in view at the top. */
export function ThoughtRecordEditor({
  record,
  onCreated,
  onDeleted,
}: {
  record: ThoughtRecord | null
  onCreated(id: string): void
  onDeleted(): void
}): React.JSX.Element {
  const [confirming, setConfirming] = useState(false)
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => (record ? fromRecord(record) : emptyDraft(Date.now())))
  const idRef = useRef<string | null>(record?.id ?? null)
  // What the fields were edited from (loaded, then each save): see ReflectionEditor.
  const base = useEditBase(record ? cleaned(fromRecord(record)) : null)
  const [savedId, setSavedId] = useState<string | null>(record?.id ?? null)
  const zone = localZone()
  const autosave = useAutosave({
    key: `thought_record:${record?.id ?? 'new'}`,
    value: draft,
    loaded: record !== null,
    shouldSave: hasContent,
    save: async (value) => {
      const fields = cleaned(value)
      if (idRef.current === null) {
        const created = await rpc('thoughtRecords.create', fields)
        idRef.current = created.id
        setSavedId(created.id)
        onCreated(created.id)
      } else await rpc('thoughtRecords.update', base.update(idRef.current, fields))
      base.saved(fields)
      void queryClient.invalidateQueries({ queryKey: homeworkKeys.thoughtRecords() })
    },
  })

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setEmotion = (i: number, patch: Partial<Draft['emotions'][number]>) =>
    set('emotions', draft.emotions.map((e, j) => (j === i ? { ...e, ...patch } : e)))
  const setThought = (i: number, patch: Partial<Draft['thoughts'][number]>) =>
    set('thoughts', draft.thoughts.map((t, j) => (j === i ? { ...t, ...patch } : patch.hot ? { ...t, hot: false } : t)))
  const hot = draft.thoughts.find((t) => t.hot && t.text.trim() !== '')
  const when = localParts(draft.happenedAt, zone)

  return (
    <form className="thought-record" aria-labelledby="thought-record-title" onSubmit={(e) => e.preventDefault()}>
      <div className="thought-record__head">
        <h2 id="thought-record-title" tabIndex={-1}>
          {s.editorTitle}
        </h2>
        <SaveStatus autosave={autosave} />
      </div>
      {savedId ? <EntryHistory table="thought_records" id={savedId} /> : null}
      <div className="hot-thought" role="note" aria-label={s.hotBanner}>
        <span className="hot-thought__label">{s.hotBanner}</span>
        <span className="hot-thought__text" dir="auto">
          {hot ? hot.text : s.noHot}
        </span>
      </div>

      <TextField
        label={s.when}
        type="datetime-local"
        autoComplete="off"
        value={`${when.date}T${when.time}`}
        onChange={(e) => {
          const [date, time] = e.target.value.split('T')
          const at = date && time ? instantFromLocalParts(date, time, zone) : null
          if (at !== null) set('happenedAt', at)
        }}
      />
      <TextAreaField label={s.situation} hint={s.situationHint} dir="auto" autoComplete="off" rows={3} value={draft.situation} onChange={(e) => set('situation', e.target.value)} />

      <fieldset className="tr-group">
        <legend>{s.emotions}</legend>
        <p className="field__hint">{s.emotionsHint}</p>
        {draft.emotions.map((emotion, i) => (
          <div className="tr-row" key={i}>
            <TextField label={s.emotionName} dir="auto" autoComplete="off" value={emotion.name} onChange={(e) => setEmotion(i, { name: e.target.value })} />
            <PercentField label={s.intensity} value={emotion.before} onChange={(before) => setEmotion(i, { before: before ?? 0 })} />
            <Button variant="quiet" onClick={() => set('emotions', draft.emotions.filter((_, j) => j !== i))}>
              {s.remove}
            </Button>
          </div>
        ))}
        <Button variant="secondary" icon="plus" onClick={() => set('emotions', [...draft.emotions, { name: '', before: 50, after: null }])}>
          {s.addEmotion}
        </Button>
      </fieldset>

      <fieldset className="tr-group">
        <legend>{s.thoughts}</legend>
        <p className="field__hint">{s.thoughtsHint}</p>
        {draft.thoughts.map((thought, i) => (
          <div className="tr-thought" key={i}>
            <div className="tr-row">
              <TextAreaField label={s.thought} dir="auto" autoComplete="off" rows={2} value={thought.text} onChange={(e) => setThought(i, { text: e.target.value })} />
              <PercentField label={s.belief} value={thought.belief} onChange={(belief) => setThought(i, { belief: belief ?? 0 })} />
            </div>
            <Checkbox label={s.hot} hint={i === 0 ? s.hotHint : undefined} checked={thought.hot} onChange={(on) => setThought(i, { hot: on })} />
            <details className="tr-traps">
              <summary>{`${s.traps}${thought.traps.length ? ` (${thought.traps.length})` : ''}`}</summary>
              <CheckboxGroup legend={s.traps} hideLegend options={trapOptions} value={thought.traps} onChange={(traps) => setThought(i, { traps })} />
            </details>
            <Button variant="quiet" onClick={() => set('thoughts', draft.thoughts.filter((_, j) => j !== i))}>
              {s.remove}
            </Button>
          </div>
        ))}
        <Button variant="secondary" icon="plus" onClick={() => set('thoughts', [...draft.thoughts, { text: '', belief: 50, hot: false, traps: [] }])}>
          {s.addThought}
        </Button>
      </fieldset>

      <TextAreaField label={s.evidenceFor} dir="auto" autoComplete="off" rows={3} value={draft.evidenceFor} onChange={(e) => set('evidenceFor', e.target.value)} />
      <TextAreaField label={s.evidenceAgainst} dir="auto" autoComplete="off" rows={3} value={draft.evidenceAgainst} onChange={(e) => set('evidenceAgainst', e.target.value)} />
      <TextAreaField label={s.balanced} hint={s.balancedHint} dir="auto" autoComplete="off" rows={3} value={draft.balancedThought} onChange={(e) => set('balancedThought', e.target.value)} />
      <PercentField label={s.balancedBelief} value={draft.balancedBelief} onChange={(v) => set('balancedBelief', v)} optional />

      <fieldset className="tr-group">
        <legend>{s.rerateTitle}</legend>
        <p className="field__hint">{s.rerateHint}</p>
        {draft.emotions.map((emotion, i) =>
          emotion.name.trim() ? <PercentField key={i} label={`${emotion.name} — ${s.rerate}`} value={emotion.after} onChange={(after) => setEmotion(i, { after })} optional /> : null,
        )}
      </fieldset>

      <Checkbox label={s.bring} checked={draft.bringToSession} onChange={(on) => set('bringToSession', on)} />
      {savedId !== null ? (
        <Button variant="quiet" icon="trash" className="thought-record__delete" onClick={() => setConfirming(true)}>
          {s.delete}
        </Button>
      ) : null}
      <ConfirmDelete
        open={confirming}
        title={s.delete}
        body={s.deleteConfirm}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if (savedId !== null) await rpc('thoughtRecords.delete', { id: savedId })
          setConfirming(false)
          void queryClient.invalidateQueries({ queryKey: homeworkKeys.thoughtRecords() })
          onDeleted()
        }}
      />
    </form>
  )
}
