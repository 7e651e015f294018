import { lazy, Suspense, useId, useState } from 'react'
import { PRIVATE_FIELD, Spinner } from '../../components/ui'
import { journalStrings as s } from './journal.strings'

const MarkdownPreview = lazy(() => import('./MarkdownPreview'))

interface MarkdownFieldProps {
  label: string
  hint: string
  value: string
  onChange(value: string): void
  onBlur?(): void
  autoFocus?: boolean
  /** Taller for the main text of an entry, shorter for a secondary one. */
  size?: 'large' | 'medium'
}

/** A text box for the person's writing with a Write / Preview switch (Markdown shown safely). */
export function MarkdownField({ label, hint, value, onChange, onBlur, autoFocus, size = 'large' }: MarkdownFieldProps): React.JSX.Element {
  const baseId = useId()
  const [tab, setTab] = useState<'write' | 'preview'>('write')
  return (
    <div className="editor__body-field field" data-size={size}>
      <div className="editor__tabs">
        <label className="field__label" htmlFor={`${baseId}-text`}>
          {label}
        </label>
        <div className="segmented" role="group" aria-label={`${s.reflection.write} / ${s.reflection.preview}`}>
          <button type="button" className="segmented__item" aria-pressed={tab === 'write'} onClick={() => setTab('write')}>
            {s.reflection.write}
          </button>
          <button type="button" className="segmented__item" aria-pressed={tab === 'preview'} onClick={() => setTab('preview')}>
            {s.reflection.preview}
          </button>
        </div>
      </div>
      <p className="field__hint" id={`${baseId}-hint`}>
        {hint}
      </p>
      {tab === 'write' ? (
        <textarea
          id={`${baseId}-text`}
          className="input input--multiline editor__textarea"
          value={value}
          aria-describedby={`${baseId}-hint`}
          autoFocus={autoFocus}
          {...PRIVATE_FIELD}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      ) : (
        <div className="editor__preview" id={`${baseId}-text`} tabIndex={0} aria-label={s.reflection.preview} dir="auto">
          {value.trim() ? (
            <Suspense fallback={<Spinner />}>
              <MarkdownPreview text={value} />
            </Suspense>
          ) : (
            <p className="muted">{s.reflection.previewEmpty}</p>
          )}
        </div>
      )}
    </div>
  )
}
