import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Button, SelectField } from '../../components/ui'
import { isRpcError, rpc } from '../../lib/rpc'
import { describeCounts } from '../recovery/backup-format'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { Section, SectionMessage, type Message } from './Section'
import { localZone } from './settings.queries'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.imports

type Kind = keyof typeof t.kinds
const KINDS: readonly Kind[] = ['betweenJson', 'dayOne', 'calendar']
type Imported = Extract<ChannelOutput<'import.calendar'>, { status: 'imported' }>

function importedMessage(result: Imported): Message {
  const added = Object.values(result.created).some((n) => n > 0)
  return {
    tone: 'success',
    title: t.done,
    text: (
      <>
        <p>{added ? t.created(describeCounts(result.created)) : t.nothingNew}</p>
        {result.updated > 0 ? <p>{t.updated(result.updated)}</p> : null}
        {result.skipped > 0 ? <p>{t.skipped(result.skipped)}</p> : null}
      </>
    ),
  }
}

/**
 * INVALID_IMPORT in words the person can act on: the core's message is chosen from a fixed
 * table and names where the problem is (a field path or a line), never the file's content.
 */
function failedMessage(error: unknown): Message {
  if (isRpcError(error, 'INVALID_IMPORT')) {
    const where = error.field && !error.message.includes(error.field) ? ` ${t.where(error.field)}` : ''
    const unchanged = error.message.includes(t.unchanged) ? '' : ` ${t.unchanged}`
    return { tone: 'danger', title: t.invalidTitle, text: `${error.message}${where}${unchanged}` }
  }
  return { tone: 'danger', text: t.failed }
}

/** Imports: Between JSON, Day One JSON, a calendar (.ics). Counts after; a clear error, nothing changed. */
export function ImportSection({ id }: { id: string }): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  /** undefined: not chosen yet (the only therapist, if there is one); '': nobody in particular. */
  const [choice, setChoice] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState<Kind | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const list = therapists.data ?? []
  const selected = choice ?? (list.length === 1 ? (list[0]?.id ?? '') : '')
  const withTherapist = selected === '' ? null : selected

  const run = async (kind: Kind): Promise<void> => {
    setBusy(kind)
    setMessage(null)
    try {
      const result =
        kind === 'betweenJson'
          ? await rpc('import.betweenJson', {})
          : kind === 'dayOne'
            ? await rpc('import.dayOne', {})
            : await rpc('import.calendar', { therapistId: withTherapist, format: null, timeZone: localZone(), horizonDays: 365 })
      setMessage(result.status === 'imported' ? importedMessage(result) : { tone: 'info', text: t.cancelled })
    } catch (error) {
      setMessage(failedMessage(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Section id={id} title={t.title} intro={t.intro}>
      <ul className="settings-actions">
        {KINDS.map((kind) => (
          <li key={kind} className="settings-action">
            <div className="settings-action__text">
              <span className="settings-action__label">{t.kinds[kind].label}</span>
              <span className="settings-action__hint">{t.kinds[kind].hint}</span>
              {kind === 'calendar' && list.length > 0 ? (
                <SelectField
                  label={t.therapist}
                  className="field--medium settings-action__field"
                  value={selected}
                  onChange={(e) => setChoice(e.target.value)}
                >
                  <option value="">{t.noTherapist}</option>
                  {list.map((therapist) => (
                    <option key={therapist.id} value={therapist.id}>
                      {therapist.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            <Button busy={busy === kind} busyLabel={t.busy} onClick={() => void run(kind)}>
              {t.kinds[kind].button}
            </Button>
          </li>
        ))}
      </ul>
      <SectionMessage message={message} />
    </Section>
  )
}
