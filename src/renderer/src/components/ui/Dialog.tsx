import { useEffect, useId, useRef, type ReactNode } from 'react'
import { keepTabInside } from './focus-trap'
import { Icon } from './Icon'

export interface DialogProps {
  open: boolean
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  /** Buttons, right-aligned at the bottom. */
  actions?: ReactNode
  closeLabel: string
  /** alertdialog for confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog'
}

/**
 * A modal on the native <dialog>: focus is trapped and restored by the browser, Escape closes
 * (through onClose, so the owner stays in control), the page behind is inert.
 */
export function Dialog({ open, onClose, title, description, children, actions, closeLabel, role = 'dialog' }: DialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // showModal() focuses the first focusable element (the close button); start at the first
      // field instead, as React's autoFocus would have.
      dialog.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={(event) => keepTabInside(event, ref.current)}
    >
      {open ? (
        <div className="dialog__body">
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel}>
              <Icon name="close" />
            </button>
          </div>
          {description ? (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          ) : null}
          {children}
          {actions ? <div className="dialog__actions">{actions}</div> : null}
        </div>
      ) : null}
    </dialog>
  )
}
