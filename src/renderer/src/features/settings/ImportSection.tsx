import { useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Button } from '../../components/ui'
import { isRpcError, rpc } from '../../lib/rpc'
import { describeCounts } from '../recovery/backup-format'
import type { ImportOptionsInput } from './ImportChoices'
import { ImportPreviewPanel, type ImportPreview } from './ImportPreviewPanel'
import { Section, SectionMessage, type Message } from './Section'
import { localZone } from './settings.queries'
import { importStrings } from './import.strings'

const t = importStrings

type Kind = ImportOptionsInput['kind']
const KINDS: readonly Kind[] = ['calendar', 'dayOne', 'daylio', 'betweenJson']

function startOptions(kind: Kind): ImportOptionsInput {
  if (kind === 'calendar') return { kind, calendar: { timeZone: localZone() } }
  if (kind === 'daylio') return { kind, daylio: { timeZone: localZone(), moods: {} } }
  return { kind }
}

function importedMessage(result: Extract<ChannelOutput<'import.apply'>, { status: 'imported' }>): Message {
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
    const unchanged = error.message.includes(t.unchangedNote) ? '' : ` ${t.unchangedNote}`
    return { tone: 'danger', title: t.invalidTitle, text: `${error.message}${where}${unchanged}` }
  }
  return { tone: 'danger', text: t.failed }
}

/** Imports: choose a file, see the preview, change the choices, then import or not. */
export function ImportSection({ id }: { id: string }): React.JSX.Element {
  const [busy, setBusy] = useState<Kind | 'apply' | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [open, setOpen] = useState<{ preview: ImportPreview; options: ImportOptionsInput } | null>(null)

  const choose = async (kind: Kind): Promise<void> => {
    setBusy(kind)
    setMessage(null)
    setOpen(null)
    try {
      const options = startOptions(kind)
      const result = await rpc('import.choose', options)
      if (result.status === 'ready') setOpen({ preview: result.preview, options })
      else setMessage({ tone: 'info', text: t.cancelled })
    } catch (error) {
      setMessage(failedMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const change = async (options: ImportOptionsInput): Promise<void> => {
    if (!open) return
    setOpen({ ...open, options })
    try {
      const preview = await rpc('import.preview', { planId: open.preview.planId, options })
      if ('status' in preview) {
        setOpen(null)
        setMessage({ tone: 'info', text: t.cancelled })
      } else setOpen({ preview, options })
    } catch (error) {
      setOpen(null)
      setMessage(failedMessage(error))
    }
  }

  const confirm = async (): Promise<void> => {
    if (!open) return
    setBusy('apply')
    try {
      const result = await rpc('import.apply', { planId: open.preview.planId, options: open.options })
      setOpen(null)
      setMessage(result.status === 'imported' ? importedMessage(result) : { tone: 'info', text: t.stopped })
    } catch (error) {
      setOpen(null)
      setMessage(failedMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const dismiss = (): void => {
    if (open) void rpc('import.discard', { planId: open.preview.planId }).catch(() => undefined)
    setOpen(null)
    setMessage({ tone: 'info', text: t.cancelled })
  }

  return (
    <Section id={id} title={t.title} intro={t.intro}>
      <ul className="settings-actions">
        {KINDS.map((kind) => (
          <li key={kind} className="settings-action">
            <div className="settings-action__text">
              <span className="settings-action__label">{t.kinds[kind].label}</span>
              <span className="settings-action__hint">{t.kinds[kind].hint}</span>
            </div>
            <Button variant="secondary" busy={busy === kind} busyLabel={t.reading} disabled={busy !== null} onClick={() => void choose(kind)}>
              {t.kinds[kind].button}
            </Button>
          </li>
        ))}
      </ul>
      {open ? (
        <ImportPreviewPanel
          preview={open.preview}
          options={open.options}
          busy={busy === 'apply'}
          onOptions={(next) => void change(next)}
          onConfirm={() => void confirm()}
          onCancel={dismiss}
        />
      ) : null}
      <SectionMessage message={message} />
    </Section>
  )
}
