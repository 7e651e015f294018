import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export type BannerTone = 'info' | 'success' | 'warning' | 'danger'

const icons: Record<BannerTone, IconName> = { info: 'info', success: 'check', warning: 'alert', danger: 'alert' }

interface BannerProps {
  tone?: BannerTone
  title?: ReactNode
  children?: ReactNode
  action?: ReactNode
  /** Announce immediately (role=alert) rather than politely (role=status). */
  urgent?: boolean
  className?: string
}

export function Banner({ tone = 'info', title, children, action, urgent = false, className }: BannerProps): React.JSX.Element {
  return (
    <div className={['banner', `banner--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={urgent ? 'alert' : 'status'}>
      <Icon name={icons[tone]} className="banner__icon" />
      <div className="banner__content">
        {title ? <p className="banner__title">{title}</p> : null}
        {children ? <div className="banner__body">{children}</div> : null}
      </div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  )
}
