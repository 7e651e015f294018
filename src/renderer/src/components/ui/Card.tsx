import type { HTMLAttributes, ReactNode } from 'react'

interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode
  /** The heading level of the title, to keep the page outline right. */
  level?: 2 | 3
  actions?: ReactNode
  as?: 'section' | 'article' | 'div'
  padded?: boolean
}

export function Card({ title, level = 2, actions, as: Tag = 'section', padded = true, className, children, ...rest }: CardProps): React.JSX.Element {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <Tag className={['card', padded ? 'card--padded' : '', className ?? ''].filter(Boolean).join(' ')} {...rest}>
      {title || actions ? (
        <header className="card__header">
          {title ? <Heading className="card__title">{title}</Heading> : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </Tag>
  )
}
