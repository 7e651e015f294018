import { useState, type ReactNode } from 'react'
import { rpc } from '../../lib/rpc'
import { crisisPlanStrings as s } from './crisis-plan.strings'

/** Digits and a leading + only: what a tel: link carries. */
export const telHref = (phone: string): string | null => {
  const digits = phone.trim().replace(/[^0-9+*#]/g, '')
  return /^\+?[0-9*#]{2,20}$/.test(digits) ? `tel:${digits}` : null
}

/**
 * A tel: link that asks the core to hand it to the OS (the core checks the number is one the
 * person recorded). The number is always written out too: a desktop may have no calling app.
 */
export function PhoneLink({
  phone,
  children,
  className,
  'aria-label': label,
}: {
  phone: string
  children: ReactNode
  className?: string
  'aria-label'?: string
}): React.JSX.Element {
  const [failed, setFailed] = useState(false)
  const href = telHref(phone)
  if (!href) return <span className={className}>{children}</span>
  return (
    <>
      <a
        href={href}
        className={className}
        aria-label={label}
        onClick={async (event) => {
          event.preventDefault()
          setFailed(false)
          const result = await rpc('shell.openExternal', { url: href }).catch(() => ({ opened: false }))
          if (!result.opened) setFailed(true)
        }}
      >
        {children}
      </a>
      {failed ? (
        <span className="phone-link__note" role="status">
          {s.view.notOpened(phone)}
        </span>
      ) : null}
    </>
  )
}

/** A handset, drawn like the shared icon set (24px grid, 1.75 stroke). Decorative. */
export function PhoneIcon({ size = 20 }: { size?: number }): React.JSX.Element {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M5 4h3.5l1.5 4-2 1.5a11 11 0 0 0 6.5 6.5l1.5-2 4 1.5V19a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1Z" />
    </svg>
  )
}
