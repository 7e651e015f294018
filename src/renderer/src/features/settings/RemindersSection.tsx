import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ReminderSettings } from '../../../../shared/ipc/schemas/reminders'
import { Banner, Button, TextField } from '../../components/ui'
import { Checkbox } from '../agreements/controls'
import { SavedNote, Section } from './Section'
import { localZone, reminderSettingsQuery, useSaveReminderSettings } from './settings.queries'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.reminders
const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/** Which reminders the person wants (kept in the vault); each change saves as it is made. */
export function RemindersSection({ id }: { id: string }): React.JSX.Element {
  const settings = useQuery(reminderSettingsQuery())
  const [note, setNote] = useState<Note | null>(null)
  return (
    <Section id={id} title={t.title} intro={t.intro} status={<SavedNote text={note?.text ?? null} tone={note?.failed ? 'danger' : 'ok'} />}>
      {settings.isPending ? null : settings.isError ? (
        <Banner tone="warning" action={<Button onClick={() => void settings.refetch()}>{settingsStrings.retry}</Button>}>
          {settingsStrings.loadFailed}
        </Banner>
      ) : (
        <ReminderForm initial={settings.data} onNote={setNote} />
      )}
    </Section>
  )
}

type Note = { text: string; failed: boolean }

function ReminderForm({ initial, onNote: setNote }: { initial: ReminderSettings; onNote: (note: Note | null) => void }): React.JSX.Element {
  const saveSettings = useSaveReminderSettings()
  const [value, setValue] = useState<ReminderSettings>(initial)
  const [time, setTime] = useState(initial.reflectionPrompt.time)

  const save = async (next: ReminderSettings): Promise<void> => {
    const before = value
    setValue(next)
    setNote(null)
    try {
      await saveSettings(next)
      setNote({ text: settingsStrings.saved, failed: false })
    } catch {
      setValue(before)
      setNote({ text: settingsStrings.saveFailed, failed: true })
    }
  }
  const prompt = (patch: Partial<ReminderSettings['reflectionPrompt']>): ReminderSettings => ({
    ...value,
    reflectionPrompt: { ...value.reflectionPrompt, timeZone: localZone(), ...patch },
  })

  return (
    <div className="settings-checks">
      <Checkbox label={t.draftReady} checked={value.draftReady} onChange={(draftReady) => void save({ ...value, draftReady })} />
      <Checkbox label={t.sessionTomorrow} checked={value.sessionTomorrow} onChange={(sessionTomorrow) => void save({ ...value, sessionTomorrow })} />
      <Checkbox label={t.ruleReview} checked={value.ruleReview} onChange={(ruleReview) => void save({ ...value, ruleReview })} />
      <Checkbox
        label={t.prompt}
        hint={t.promptHint}
        checked={value.reflectionPrompt.enabled}
        onChange={(enabled) => void save(prompt({ enabled }))}
      />
      {value.reflectionPrompt.enabled ? (
        <TextField
          label={t.promptTime}
          hint={t.promptTimeHint}
          type="time"
          className="field--short settings-indent"
          value={time}
          onChange={(event) => {
            setTime(event.target.value)
            if (CLOCK.test(event.target.value) && event.target.value !== value.reflectionPrompt.time) void save(prompt({ time: event.target.value }))
          }}
        />
      ) : null}
    </div>
  )
}
