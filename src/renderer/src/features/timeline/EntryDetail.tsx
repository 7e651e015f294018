import { useQuery } from '@tanstack/react-query'
import { Banner, Button, LoadingArea } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { formatDateTime } from './format'
import { timelineKeys } from './timeline.queries'
import { timelineStrings as s } from './timeline.strings'

export type DetailTarget = { kind: 'contact' | 'draft' | 'talking_point'; id: string } | { kind: 'rule_change'; id: string; at: number; preview: string; version: number }

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

/** Read-only details of entries this screen does not edit: contacts, drafts, agreements, points. */
export function EntryDetail({ target, onClose }: { target: DetailTarget; onClose(): void }): React.JSX.Element {
  const query = useQuery({
    queryKey: timelineKeys.detail(target.kind, target.id),
    queryFn: async (): Promise<{ title: string; rows: Array<[string, string]>; body: string; hint: string | null }> => {
      switch (target.kind) {
        case 'contact': {
          const c = await rpc('contacts.get', { id: target.id })
          return {
            title: c.direction === 'sent' ? s.entry.contactSent(s.channels[c.channel]) : s.entry.contactReceived(s.channels[c.channel]),
            rows: [
              [s.detail.when, formatDateTime(c.at)],
              [s.detail.purpose, s.purposes[c.purpose]],
            ],
            body: c.summary || s.detail.noSummary,
            hint: c.overriddenRuleIds.length > 0 ? s.entry.overrode : null,
          }
        }
        case 'draft': {
          const d = await rpc('drafts.get', { id: target.id })
          return { title: s.detail.draftTitle, rows: [[s.detail.when, formatDateTime(d.updatedAt)], [s.detail.purpose, s.purposes[d.purpose]]], body: d.body, hint: s.detail.draftHint }
        }
        case 'talking_point': {
          const p = await rpc('talkingPoints.get', { id: target.id })
          return { title: s.detail.talkingPointTitle, rows: [[s.detail.when, formatDateTime(p.createdAt)]], body: p.text, hint: null }
        }
        case 'rule_change':
          return { title: s.detail.ruleTitle, rows: [[s.detail.when, formatDateTime(target.at)]], body: target.preview, hint: s.detail.ruleHint }
      }
    },
  })
  if (query.isPending) return <LoadingArea label={s.detail.panelLabel} />
  if (query.isError) return <Banner tone="warning">{s.detail.gone}</Banner>
  const d = query.data
  return (
    <div className="editor">
      <header className="editor__header">
        <h2 className="editor__title" tabIndex={-1}>{d.title}</h2>
      </header>
      <Rows rows={d.rows} />
      <p className="detail-body" dir="auto">
        {d.body}
      </p>
      {d.hint ? <p className="muted small">{d.hint}</p> : null}
      <footer className="editor__footer">
        <span />
        <Button variant="secondary" icon="check" onClick={onClose}>
          {s.detail.close}
        </Button>
      </footer>
    </div>
  )
}
