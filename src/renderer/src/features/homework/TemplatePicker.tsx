import { useQuery } from '@tanstack/react-query'
import { SelectField } from '../../components/ui'
import { templatesQuery } from './homework.queries'
import { builtInTemplates, homeworkStrings } from './homework.strings'

const s = homeworkStrings.templates

/** For a new, empty reflection: start from a built-in template or one of the person's own. */
export function TemplatePicker({ onPick }: { onPick(body: string): void }): React.JSX.Element {
  const own = useQuery(templatesQuery())
  const all = [...builtInTemplates, ...(own.data ?? [])]
  return (
    <SelectField
      label={s.pick}
      hint={s.startHint}
      value=""
      onChange={(e) => {
        const chosen = all.find((t) => t.id === e.target.value)
        if (chosen) onPick(chosen.body)
      }}
    >
      <option value="">{s.noTemplate}</option>
      <optgroup label={s.builtIn}>
        {builtInTemplates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </optgroup>
      {own.data && own.data.length > 0 ? (
        <optgroup label={s.yours}>
          {own.data.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  )
}
