import { useEffect, useRef, type ReactNode } from 'react'
import { Icon } from '../../components/ui'
import { vaultStrings as s } from './vault.strings'

interface VaultFrameProps {
  title: string
  /** "Step 2 of 4", above the title. */
  step?: string
  intro?: ReactNode
  children: ReactNode
  /** Move focus to the title when the screen appears (when no field takes it). */
  focusTitle?: boolean
  wide?: boolean
  /** Above the card, always in view: the lock screen's "Need help now?". */
  help?: ReactNode
}

/**
 * The quiet, centred frame of the screens before the app opens: the name, one card, nothing
 * else. It shows no counts, names or titles from the vault.
 */
export function VaultFrame({ title, step, intro, children, focusTitle = false, wide = false, help }: VaultFrameProps): React.JSX.Element {
  const titleRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    document.title = `${title} · ${s.appName}`
    if (focusTitle) titleRef.current?.focus()
  }, [title, focusTitle])

  return (
    <div className="vault-frame">
      <header className="vault-frame__brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="leaf" size={22} />
        </span>
        <span className="brand-name">{s.appName}</span>
      </header>
      {help ? <div className="vault-frame__help">{help}</div> : null}
      <main className={wide ? 'vault-frame__main vault-frame__main--wide' : 'vault-frame__main'}>
        <div className="vault-card">
          <div className="vault-card__heading">
            {step ? <p className="vault-card__step">{step}</p> : null}
            <h1 ref={titleRef} tabIndex={-1} className="vault-card__title">
              {title}
            </h1>
            {intro ? <div className="vault-card__intro">{intro}</div> : null}
          </div>
          {children}
        </div>
      </main>
    </div>
  )
}
