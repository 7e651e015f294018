import { useState } from 'react'
import { Button, Dialog, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { fromDateInput } from '../agreements/controls'
import { JobProgressBar } from './JobProgressBar'
import { Section, SectionMessage, type Message } from './Section'
import { localZone } from './settings.queries'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.exports

type Kind = keyof typeof t.kinds
const KINDS: readonly Kind[] = ['json', 'markdownFolder', 'markdownDocument', 'pdf']
const CHANNELS = { markdownFolder: 'export.markdownFolder', markdownDocument: 'export.markdownDocument', pdf: 'export.pdf' } as const

const DAY = 24 * 60 * 60_000

/** The day after a local date, at local midnight (the range's end is exclusive). */
function dayAfter(ms: number): number {
  const d = new Date(ms + DAY / 2 + DAY)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/**
 * Exports: each kind asks once, plainly, "This file will not be encrypted" before the channel is
 * called with confirmUnencrypted: true; the core then asks where to save.
 */
export function ExportSection({ id }: { id: string }): React.JSX.Element {
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [confirming, setConfirming] = useState<Kind | null>(null)
  const [busy, setBusy] = useState<Kind | null>(null)
  const [message, setMessage] = useState<Message | null>(null)

  const fromMs = fromDateInput(from)
  const toMs = fromDateInput(to)
  const rangeEnd = toMs === null ? null : dayAfter(toMs)
  const rangeWrong = fromMs !== null && rangeEnd !== null && fromMs >= rangeEnd

  const run = async (kind: Kind): Promise<void> => {
    setConfirming(null)
    setBusy(kind)
    setMessage(null)
    try {
      const result =
        kind === 'json'
          ? await rpc('export.json', { confirmUnencrypted: true })
          : await rpc(CHANNELS[kind], {
              confirmUnencrypted: true,
              from: fromMs,
              to: rangeEnd,
              timeZone: localZone(),
              locale: navigator.language || 'en-GB',
            })
      setMessage(
        result.status === 'written'
          ? { tone: 'success', text: t.written(result.name, result.items, result.files) }
          : { tone: 'info', text: t.cancelled },
      )
    } catch {
      setMessage({ tone: 'danger', text: t.failed })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Section id={id} title={t.title} intro={t.intro}>
      <fieldset className="settings-range">
        <legend className="choice-group__legend">{t.rangeLegend}</legend>
        <p className="field__hint">{t.rangeHint}</p>
        <div className="inline-fields">
          <TextField label={t.from} type="date" className="field--short" value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField
            label={t.to}
            type="date"
            className="field--short"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={rangeWrong ? t.rangeWrong : undefined}
          />
        </div>
      </fieldset>
      <ul className="settings-actions">
        {KINDS.map((kind) => (
          <li key={kind} className="settings-action">
            <div className="settings-action__text">
              <span className="settings-action__label">{t.kinds[kind].label}</span>
              <span className="settings-action__hint">{t.kinds[kind].hint}</span>
            </div>
            <Button
              icon="download"
              busy={busy === kind}
              busyLabel={t.busy}
              disabled={kind !== 'json' && rangeWrong}
              onClick={() => setConfirming(kind)}
            >
              {t.kinds[kind].button}
            </Button>
          </li>
        ))}
      </ul>
      {busy === null ? null : <JobProgressBar op="export" />}
      <SectionMessage message={message} />
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        role="alertdialog"
        title={t.confirmTitle}
        description={t.confirmBody}
        closeLabel={t.cancel}
        actions={
          <>
            <Button variant="quiet" onClick={() => setConfirming(null)}>
              {t.cancel}
            </Button>
            <Button variant="primary" onClick={() => confirming && void run(confirming)}>
              {t.confirm}
            </Button>
          </>
        }
      />
    </Section>
  )
}
