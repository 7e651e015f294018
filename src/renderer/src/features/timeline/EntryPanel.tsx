import { forwardRef, useState } from 'react'
import { Icon } from '../../components/ui'
import { flushAllEdits } from '../../lib/autosave'
import type { EditorEvents } from '../journal/editor-types'
import { ReflectionEditor } from '../journal/ReflectionEditor'
import { SessionEditor } from '../journal/SessionEditor'
import { EntryDetail, type DetailTarget } from './EntryDetail'
import { timelineStrings as s } from './timeline.strings'

export type Panel =
  | { kind: 'reflection'; id: string | null; newKey: string }
  | { kind: 'session'; id: string | null; newKey: string }
  | { kind: 'detail'; target: DetailTarget }

interface EntryPanelProps {
  panel: Panel
  events: EditorEvents
  onClose(): void
}

/**
 * Where an entry opens beside the list. Writing (a reflection, a session's notes) gets at least
 * half the window, and "Widen" gives it the whole width; narrow windows always give it the whole.
 */
export const EntryPanel = forwardRef<HTMLElement, EntryPanelProps>(function EntryPanel({ panel, events, onClose }, ref) {
  const [wide, setWide] = useState(false)
  const writing = panel.kind !== 'detail'
  return (
    <aside ref={ref} className="side-panel" data-writing={writing || undefined} data-wide={(writing && wide) || undefined} aria-label={s.detail.panelLabel}>
      <div className="side-panel__tools">
        {writing ? (
          <button type="button" className="btn btn--quiet side-panel__widen" aria-pressed={wide} onClick={() => setWide((x) => !x)}>
            <span>{wide ? s.detail.sideBySide : s.detail.widen}</span>
          </button>
        ) : null}
        <button type="button" className="icon-button" aria-label={s.detail.close} onClick={() => void flushAllEdits().then(onClose)}>
          <Icon name="close" />
        </button>
      </div>
      {panel.kind === 'reflection' ? (
        <ReflectionEditor key={panel.id ?? panel.newKey} id={panel.id} newKey={panel.newKey} {...events} />
      ) : panel.kind === 'session' ? (
        <SessionEditor key={panel.id ?? panel.newKey} id={panel.id} newKey={panel.newKey} {...events} />
      ) : (
        <EntryDetail key={panel.target.id} target={panel.target} onClose={onClose} onSaved={events.onSaved} onDeleted={events.onDeleted} />
      )}
    </aside>
  )
})
