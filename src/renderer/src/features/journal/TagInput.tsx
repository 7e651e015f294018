import { useQuery } from '@tanstack/react-query'
import { useId, useState, type KeyboardEvent } from 'react'
import { Icon, PRIVATE_FIELD } from '../../components/ui'
import { tagsQuery } from './journal.queries'
import { journalStrings as s } from './journal.strings'

interface TagInputProps {
  value: string[]
  onChange(tags: string[]): void
}

const MAX_TAG = 60

/** Tags as removable chips plus a text box that creates them inline (Enter or comma). */
export function TagInput({ value, onChange }: TagInputProps): React.JSX.Element {
  const id = useId()
  const [draft, setDraft] = useState('')
  const tags = useQuery(tagsQuery())
  const suggestions = (tags.data ?? []).map((t) => t.name).filter((name) => !value.some((v) => v.toLowerCase() === name.toLowerCase()))

  const add = (raw: string) => {
    const name = raw.trim().slice(0, MAX_TAG)
    setDraft('')
    if (!name || value.some((v) => v.toLowerCase() === name.toLowerCase())) return
    // Reuse an existing tag's spelling when only the case differs.
    const existing = (tags.data ?? []).find((t) => t.name.toLowerCase() === name.toLowerCase())
    onChange([...value, existing?.name ?? name])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      if (draft.trim()) {
        event.preventDefault()
        add(draft)
      } else if (event.key === ',') event.preventDefault()
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }

  return (
    <div className="field tag-input">
      <label className="field__label" htmlFor={`${id}-input`}>
        {s.tags.input} <span className="field__optional">{s.mood.optional}</span>
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {s.tags.inputHint}
      </p>
      <div className="tag-input__box">
        {value.length > 0 ? (
          <ul className="tag-input__chips" aria-label={s.tags.chosen}>
            {value.map((tag) => (
              <li key={tag} className="tag-chip">
                <span>{tag}</span>
                <button type="button" className="tag-chip__remove" aria-label={s.tags.remove(tag)} onClick={() => onChange(value.filter((t) => t !== tag))}>
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={`${id}-input`}
          className="tag-input__input"
          {...PRIVATE_FIELD}
          value={draft}
          list={`${id}-list`}
          maxLength={MAX_TAG}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          onChange={(event) => {
            const next = event.target.value
            // Picking a suggestion from the list fills the whole name: take it as a tag.
            if (suggestions.includes(next) && next.length - draft.length > 1) add(next)
            else setDraft(next)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && add(draft)}
        />
        <datalist id={`${id}-list`}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
    </div>
  )
}
