import type { ReactNode } from 'react'
import { Banner, Icon, type BannerTone } from '../../components/ui'

export interface Message {
  tone: BannerTone
  title?: string
  text: ReactNode
}

interface SectionProps {
  id: string
  title: string
  intro?: ReactNode
  /** A short status beside the title ("Saved."), for sections that save as they change. */
  status?: ReactNode
  children: ReactNode
}

/** One settings section: a card with an <h2> the section list can move focus to. */
export function Section({ id, title, intro, status, children }: SectionProps): React.JSX.Element {
  return (
    <section className="card card--padded settings-section" aria-labelledby={`${id}-title`}>
      <header className="settings-section__header">
        <div className="settings-section__title-row">
          <h2 id={`${id}-title`} className="card__title" tabIndex={-1}>
            {title}
          </h2>
          {status}
        </div>
        {intro ? <p className="muted">{intro}</p> : null}
      </header>
      <div className="settings-section__body">{children}</div>
    </section>
  )
}

/**
 * What just happened in a section, announced politely. The live region is always there, so a
 * message that appears in it is read out.
 */
export function SectionMessage({ message }: { message: Message | null }): React.JSX.Element {
  return (
    <div aria-live="polite" className="settings-message">
      {message ? (
        <Banner tone={message.tone} title={message.title}>
          {message.text}
        </Banner>
      ) : null}
    </div>
  )
}

/** A short "Saved." (or that saving failed) for sections that save as they change; announced politely. */
export function SavedNote({ text, tone = 'ok' }: { text: string | null; tone?: 'ok' | 'danger' }): React.JSX.Element {
  return (
    <p className={`settings-saved settings-saved--${tone}`} aria-live="polite">
      {text ? (
        <>
          {tone === 'ok' ? <Icon name="check" size={16} /> : <Icon name="alert" size={16} />}
          <span>{text}</span>
        </>
      ) : null}
    </p>
  )
}
