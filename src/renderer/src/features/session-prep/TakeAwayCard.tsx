import { useState } from 'react'
import type { ExportResult } from '../../../../shared/ipc/schemas/export'
import { Button, Card, Dialog } from '../../components/ui'
import { rpc } from '../../lib/rpc'

export interface TakeAwayStrings {
  title: string
  intro: string
  pdf: string
  markdown: string
  copied: string
  copyFailed: string
  pdfWritten: (name: string) => string
  pdfCancelled: string
  pdfFailed: string
  confirmTitle: string
  confirmBody: string
  confirm: string
  cancel: string
}

export type TakeAwayMessage = { text: string; tone: 'success' | 'danger' | 'info' }

/**
 * A page to take away (the session brief, the agreements sheet): save it as a PDF after "this
 * file will not be encrypted", or copy it as Markdown.
 */
export function TakeAwayCard({
  strings: s,
  savePdf,
  markdown,
  onMessage,
}: {
  strings: TakeAwayStrings
  savePdf: () => Promise<ExportResult>
  markdown: () => Promise<{ markdown: string }>
  onMessage: (m: TakeAwayMessage) => void
}): React.JSX.Element {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'pdf' | 'md' | null>(null)
  const save = async () => {
    setConfirming(false)
    setBusy('pdf')
    try {
      const result = await savePdf()
      onMessage(result.status === 'written' ? { text: s.pdfWritten(result.name), tone: 'success' } : { text: s.pdfCancelled, tone: 'info' })
    } catch {
      onMessage({ text: s.pdfFailed, tone: 'danger' })
    } finally {
      setBusy(null)
    }
  }
  const copy = async () => {
    setBusy('md')
    try {
      await rpc('clipboard.write', { text: (await markdown()).markdown })
      onMessage({ text: s.copied, tone: 'success' })
    } catch {
      onMessage({ text: s.copyFailed, tone: 'danger' })
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card title={s.title}>
      <p className="muted">{s.intro}</p>
      <div className="button-row">
        <Button icon="printer" busy={busy === 'pdf'} onClick={() => setConfirming(true)}>
          {s.pdf}
        </Button>
        <Button icon="copy" busy={busy === 'md'} onClick={() => void copy()}>
          {s.markdown}
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        role="alertdialog"
        title={s.confirmTitle}
        description={s.confirmBody}
        closeLabel={s.cancel}
        actions={
          <>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {s.cancel}
            </Button>
            <Button variant="primary" onClick={() => void save()}>
              {s.confirm}
            </Button>
          </>
        }
      />
    </Card>
  )
}
