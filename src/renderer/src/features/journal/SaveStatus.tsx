import type { Autosave } from '../../lib/autosave'
import { Button, Icon } from '../../components/ui'
import { formatTime } from '../timeline/format'
import { journalStrings as s } from './journal.strings'

/** "Saved at 17:02" / "Saving…" / the failure, with a retry. Announced politely. */
export function SaveStatus({ autosave }: { autosave: Autosave }): React.JSX.Element {
  const { status, savedAt } = autosave
  return (
    <div className={`save-status save-status--${status}`}>
      <span role="status" className="save-status__text">
        {status === 'error' ? (
          <>
            <Icon name="alert" size={16} />
            <span>{s.save.error}</span>
          </>
        ) : status === 'saved' ? (
          <>
            <Icon name="check" size={16} />
            <span>{savedAt ? s.save.savedAt(formatTime(savedAt)) : s.save.saved}</span>
          </>
        ) : (
          <span>{s.save[status]}</span>
        )}
      </span>
      {status === 'error' ? (
        <Button variant="quiet" onClick={autosave.retry}>
          {s.save.retry}
        </Button>
      ) : null}
    </div>
  )
}
