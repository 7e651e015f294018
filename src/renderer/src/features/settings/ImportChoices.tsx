import { useQuery } from '@tanstack/react-query'
import type { ChannelInput } from '../../../../shared/ipc/contract'
import { SelectField } from '../../components/ui'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { importStrings } from './import.strings'

const t = importStrings.choices

export type ImportOptionsInput = ChannelInput<'import.choose'>
type CalendarOptions = Extract<ImportOptionsInput, { kind: 'calendar' }>['calendar']
type Moods = Array<{ label: string; count: number; mood: number | null }>

const PAST_MONTHS = [0, 3, 6, 12, 24, 60, 1200]

function CalendarChoices({ value, onChange }: { value: CalendarOptions; onChange: (next: CalendarOptions) => void }): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const list = therapists.data ?? []
  const set = <K extends keyof CalendarOptions>(key: K, next: CalendarOptions[K]) => onChange({ ...value, [key]: next })
  return (
    <div className="import-choices">
      {list.length > 0 ? (
        <SelectField label={t.therapist} className="field--medium" value={value.therapistId ?? ''} onChange={(e) => set('therapistId', e.target.value === '' ? null : e.target.value)}>
          <option value="">{t.noTherapist}</option>
          {list.map((therapist) => (
            <option key={therapist.id} value={therapist.id}>
              {therapist.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={t.past} className="field--medium" value={String(value.pastMonths ?? 12)} onChange={(e) => set('pastMonths', Number(e.target.value))}>
        {PAST_MONTHS.map((months) => (
          <option key={months} value={months}>
            {t.pastMonths(months)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t.pastStatus} className="field--medium" value={value.pastStatus ?? 'attended'} onChange={(e) => set('pastStatus', e.target.value === 'scheduled' ? 'scheduled' : 'attended')}>
        <option value="attended">{t.attended}</option>
        <option value="scheduled">{t.scheduled}</option>
      </SelectField>
      <SelectField label={t.allDay} className="field--medium" value={value.allDay ?? 'skip'} onChange={(e) => set('allDay', e.target.value === 'absences' ? 'absences' : 'skip')}>
        <option value="skip">{t.allDaySkip}</option>
        <option value="absences">{t.allDayAbsences}</option>
      </SelectField>
      <SelectField label={t.edited} className="field--medium" value={value.edited ?? 'keep'} onChange={(e) => set('edited', e.target.value === 'update' ? 'update' : 'keep')}>
        <option value="keep">{t.keep}</option>
        <option value="update">{t.update}</option>
      </SelectField>
    </div>
  )
}

function MoodChoices({ moods, onChange }: { moods: Moods; onChange: (label: string, mood: number | null) => void }): React.JSX.Element {
  return (
    <fieldset className="import-choices">
      <legend className="import-choices__legend">{t.moodsTitle}</legend>
      <p className="settings-action__hint">{t.moodsHint}</p>
      {moods.map(({ label, mood }) => (
        <SelectField key={label} label={<span dir="auto">{t.mood(label)}</span>} className="field--medium" value={mood === null ? '' : String(mood)} onChange={(e) => onChange(label, e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t.noMood}</option>
          {t.moodLevels.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  )
}

/** The choices a preview offers for its kind: the calendar's window and statuses, Daylio's moods. */
export function ImportChoices({ options, moods, onChange }: { options: ImportOptionsInput; moods: Moods; onChange: (next: ImportOptionsInput) => void }): React.JSX.Element | null {
  if (options.kind === 'calendar') return <CalendarChoices value={options.calendar} onChange={(calendar) => onChange({ ...options, calendar })} />
  if (options.kind === 'daylio' && moods.length > 0) {
    return <MoodChoices moods={moods} onChange={(label, mood) => onChange({ ...options, daylio: { ...options.daylio, moods: { ...options.daylio.moods, [label]: mood } } })} />
  }
  return null
}
