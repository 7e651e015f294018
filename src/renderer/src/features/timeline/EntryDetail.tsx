import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { Contact, Draft } from '../../../../shared/ipc/schemas/contacts'
import { Banner, Button, LoadingArea } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { ConfirmDelete } from '../journal/ConfirmDelete'
import type { EditorEvents } from '../journal/editor-types'
import { EntryHistory } from '../sync/EntryHistory'
import { ContactEditForm } from './ContactEditForm'
import { DraftEditForm } from './DraftEditForm'
import { formatDateTime } from './format'
import { timelineKeys } from './timeline.queries'
import { timelineStrings as s } from './timeline.strings'

export type DetailTarget = { kind: 'contact' | 'draft' | 'talking_point'; id: string } | { kind: 'rule_change'; id: string; at: number; preview: string; version: number }

/** What the panel shows, and the record itself when it is edited here (contacts and drafts). */
interface Detail {
  title: string
  rows: Array<[string, string]>
  body: string
  hint: string | null
  editable: { kind: 'contact'; contact: Contact } | { kind: 'draft'; draft: Draft } | null
}

function Rows({ rows }: { rows: Array<[string, string]> }): React.JSX.Element {
  return (
    <dl className="detail-list">
      {rows.map(([term, value]) => (
        <div key={term} className="detail-list__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

const contactDetail = (c: Contact): Detail => ({
  title: c.direction === 'sent' ? s.entry.contactSent(s.channels[c.channel]) : s.entry.contactReceived(s.channels[c.channel]),
  rows: [
    [s.detail.when, formatDateTime(c.at)],
    [s.detail.purpose, s.purposes[c.purpose]],
  ],
  body: c.summary || s.detail.noSummary,
  hint: c.overriddenRuleIds.length > 0 ? s.entry.overrode : null,
  editable: { kind: 'contact', contact: c },
})

const draftDetail = (d: Draft): Detail => ({
  title: s.detail.draftTitle,
  rows: [
    [s.detail.when, formatDateTime(d.updatedAt)],
    [s.detail.purpose, s.purposes[d.purpose]],
  ],
  body: d.body,
  hint: s.detail.draftHint,
  editable: { kind: 'draft', draft: d },
})

async function loadDetail(target: DetailTarget): Promise<Detail> {
  switch (target.kind) {
    case 'contact':
      return contactDetail(await rpc('contacts.get', { id: target.id }))
    case 'draft':
      return draftDetail(await rpc('drafts.get', { id: target.id }))
    case 'talking_point': {
      const p = await rpc('talkingPoints.get', { id: target.id })
      return { title: s.detail.talkingPointTitle, rows: [[s.detail.when, formatDateTime(p.createdAt)]], body: p.text, hint: null, editable: null }
    }
    case 'rule_change':
      return { title: s.detail.ruleTitle, rows: [[s.detail.when, formatDateTime(target.at)]], body: target.preview, hint: s.detail.ruleHint, editable: null }
  }
}

interface EntryDetailProps extends Pick<EditorEvents, 'onSaved' | 'onDeleted'> {
  target: DetailTarget
  onClose(): void
}

/** Deletes a draft, keeping what an undo needs: the draft as it was and the talking points made from it. */
async function deleteDraft(draft: Draft, onDeleted: EditorEvents['onDeleted']): Promise<void> {
  const { talkingPointIds } = await rpc('drafts.links', { id: draft.id })
  await rpc('drafts.delete', { id: draft.id })
  onDeleted('draft', draft.id, s.detail.draftDeleted, async () => {
    const restored = await rpc('drafts.restore', { draft, talkingPointIds })
    return { at: restored.updatedAt }
  })
}

/** Details of entries that have no editor of their own; contacts and drafts are edited in place. */
export function EntryDetail({ target, onClose, onSaved, onDeleted }: EntryDetailProps): React.JSX.Element {
  const queryClient = useQueryClient()
  const key = timelineKeys.detail(target.kind, target.id)
  const query = useQuery({ queryKey: key, queryFn: () => loadDetail(target) })
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  if (query.isPending) return <LoadingArea label={s.detail.panelLabel} />
  if (query.isError) return <Banner tone="warning">{s.detail.gone}</Banner>
  const d = query.data
  const draft = d.editable?.kind === 'draft' ? d.editable.draft : null

  const finish = (next: Detail | null, at?: number) => {
    if (next && at !== undefined && next.editable) {
      queryClient.setQueryData(key, next)
      onSaved(next.editable.kind, target.id, at)
    }
    setSaved(next !== null)
    setEditing(false)
    requestAnimationFrame(() => heading.current?.focus())
  }

  if (editing && d.editable?.kind === 'contact')
    return <ContactEditForm contact={d.editable.contact} onSaved={(c) => finish(contactDetail(c), c.at)} onCancel={() => finish(null)} />
  if (editing && d.editable?.kind === 'draft')
    return <DraftEditForm draft={d.editable.draft} onSaved={(x) => finish(draftDetail(x), x.updatedAt)} onCancel={() => finish(null)} />

  return (
    <div className="editor">
      <header className="editor__header">
        <h2 className="editor__title" tabIndex={-1} ref={heading}>
          {d.title}
        </h2>
      </header>
      <Rows rows={d.rows} />
      {d.editable ? <EntryHistory table={d.editable.kind === 'contact' ? 'contacts' : 'drafts'} id={target.id} /> : null}
      <p className="detail-body" dir="auto">
        {d.body}
      </p>
      {d.hint ? <p className="muted small">{d.hint}</p> : null}
      <footer className="editor__footer">
        {d.editable ? (
          <span className="editor__footer-start">
            <Button
              onClick={() => {
                setSaved(false)
                setEditing(true)
              }}
            >
              {s.detail.edit}
            </Button>
            {draft ? (
              <Button variant="quiet" icon="trash" onClick={() => setConfirming(true)}>
                {s.detail.deleteDraft}
              </Button>
            ) : null}
          </span>
        ) : (
          <span />
        )}
        <span className="editor__footer-end">
          {saved ? (
            <span role="status" className="muted small">
              {s.detail.saved}
            </span>
          ) : null}
          <Button variant="secondary" icon="check" onClick={onClose}>
            {s.detail.close}
          </Button>
        </span>
      </footer>
      {draft ? (
        <ConfirmDelete
          open={confirming}
          title={s.detail.deleteDraftTitle}
          body={s.detail.deleteDraftBody}
          onCancel={() => setConfirming(false)}
          onConfirm={() => deleteDraft(draft, onDeleted)}
        />
      ) : null}
    </div>
  )
}
