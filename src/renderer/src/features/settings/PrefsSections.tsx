import { useState } from 'react'
import { LOCK_TIMEOUT_MAX, LOCK_TIMEOUT_MIN, THEMES, type Prefs, type PrefsPatch } from '../../../../shared/prefs'
import { Button, SelectField } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { Checkbox, RadioGroup } from '../agreements/controls'
import { SavedNote, Section } from './Section'
import { useSavePrefs } from './settings.queries'
import { settingsStrings } from './settings.strings'
import { applyTheme, type Theme } from './theme'

const s = settingsStrings

/** Saves one change as it is made; says "Saved." or that it could not. */
function usePrefsChange(): { save: (patch: PrefsPatch, undo?: () => void) => Promise<void>; note: string | null; failed: boolean } {
  const savePrefs = useSavePrefs()
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null)
  const save = async (patch: PrefsPatch, undo?: () => void): Promise<void> => {
    setNote(null)
    try {
      await savePrefs(patch)
      setNote({ text: s.saved, failed: false })
    } catch {
      undo?.()
      setNote({ text: s.saveFailed, failed: true })
    }
  }
  return { save, note: note?.text ?? null, failed: note?.failed ?? false }
}

export function AppearanceSection({ id, prefs }: { id: string; prefs: Prefs }): React.JSX.Element {
  const { save, note, failed } = usePrefsChange()
  const [theme, setTheme] = useState<Theme>(prefs.theme)
  const t = s.appearance
  return (
    <Section id={id} title={t.title} status={<SavedNote text={note} tone={failed ? 'danger' : 'ok'} />}>
      <RadioGroup<Theme>
        legend={t.theme}
        value={theme}
        onChange={(next) => {
          const before = theme
          setTheme(next)
          applyTheme(next)
          void save({ theme: next }, () => {
            setTheme(before)
            applyTheme(before)
          })
        }}
        options={THEMES.map((value) => ({ value, label: t.themes[value].label, hint: t.themes[value].hint }))}
      />
    </Section>
  )
}

const TIMEOUTS = [1, 2, 5, 10, 15, 30, 60] as const
const NEVER = 'never'

export function LockingSection({ id, prefs }: { id: string; prefs: Prefs }): React.JSX.Element {
  const { save, note, failed } = usePrefsChange()
  const { navigate } = useNavigation()
  const t = s.locking
  const [current, setCurrent] = useState(prefs.lockTimeoutMinutes)
  const [protection, setProtection] = useState(prefs.contentProtection)
  const choices: number[] = [...TIMEOUTS]
  if (current !== null && !choices.includes(current) && current >= LOCK_TIMEOUT_MIN && current <= LOCK_TIMEOUT_MAX) {
    choices.push(current)
    choices.sort((a, b) => a - b)
  }
  return (
    <Section id={id} title={t.title} status={<SavedNote text={note} tone={failed ? 'danger' : 'ok'} />}>
      <SelectField
        label={t.timeout}
        hint={t.timeoutHint}
        className="field--medium"
        value={current === null ? NEVER : String(current)}
        onChange={(event) => {
          const before = current
          const next = event.target.value === NEVER ? null : Number(event.target.value)
          setCurrent(next)
          void save({ lockTimeoutMinutes: next }, () => setCurrent(before))
        }}
      >
        {choices.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {t.after(minutes)}
          </option>
        ))}
        <option value={NEVER}>{t.manual}</option>
      </SelectField>
      {current === null ? <p className="settings-note">{t.manualNote}</p> : null}
      <Checkbox
        label={t.protection}
        hint={t.protectionHint}
        checked={protection}
        onChange={(next) => {
          setProtection(next)
          void save({ contentProtection: next }, () => setProtection(!next))
        }}
      />
      <div className="settings-subsection">
        <h3 className="settings-subsection__title">{t.crisisTitle}</h3>
        <p className="muted">{t.crisisBody}</p>
        <div>
          <Button variant="secondary" icon="lifebuoy" onClick={() => navigate('crisis-plan')}>
            {t.crisisOpen}
          </Button>
        </div>
      </div>
    </Section>
  )
}
