import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react'
import { Icon, type IconName } from './Icon'
import { Spinner } from './Spinner'

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: 'md' | 'lg'
  icon?: IconName
  /** Shows a spinner and ignores presses; the label stays for screen readers. */
  busy?: boolean
  busyLabel?: string
  block?: boolean
  children: ReactNode
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', icon, busy = false, busyLabel, block = false, className, children, onClick, type, ...rest },
  ref,
) {
  const classes = ['btn', `btn--${variant}`, size === 'lg' ? 'btn--lg' : '', block ? 'btn--block' : '', className ?? '']
    .filter(Boolean)
    .join(' ')
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={classes}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault()
          return
        }
        onClick?.(event)
      }}
      {...rest}
    >
      {busy ? <Spinner size={18} /> : icon ? <Icon name={icon} size={18} /> : null}
      <span>{busy && busyLabel ? busyLabel : children}</span>
    </button>
  )
})
