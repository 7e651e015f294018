import { useState } from 'react'
import { Banner, Button, Dialog } from '../../components/ui'
import { journalStrings as s } from './journal.strings'

interface ConfirmDeleteProps {
  open: boolean
  title: string
  body: string
  onCancel(): void
  /** Deletes; throws when it could not. */
  onConfirm(): Promise<void>
}

/** Asks once before deleting. */
export function ConfirmDelete({ open, title, body, onCancel, onConfirm }: ConfirmDeleteProps): React.JSX.Element {
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  return (
    <Dialog
      open={open}
      role="alertdialog"
      onClose={onCancel}
      title={title}
      description={body}
      closeLabel={s.confirm.close}
      actions={
        <>
          <Button variant="quiet" onClick={onCancel}>
            {s.confirm.cancel}
          </Button>
          <Button
            variant="danger"
            icon="trash"
            busy={busy}
            onClick={() => {
              setBusy(true)
              setFailed(false)
              onConfirm().then(
                () => setBusy(false),
                () => {
                  setBusy(false)
                  setFailed(true)
                },
              )
            }}
          >
            {s.confirm.delete}
          </Button>
        </>
      }
    >
      {failed ? <Banner tone="danger">{s.loadFailed}</Banner> : null}
    </Dialog>
  )
}
