import { useState } from 'react'
import { Banner } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { TakeAwayCard, type TakeAwayMessage } from '../session-prep/TakeAwayCard'
import { agreementsStrings as s } from './agreements.strings'

/** "How we keep in touch between sessions": a sheet to talk the agreements through, to print or copy. */
export function KeepInTouchSheet({ therapistId }: { therapistId: string }): React.JSX.Element {
  const [message, setMessage] = useState<TakeAwayMessage | null>(null)
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const locale = navigator.language || 'en-GB'
  return (
    <div className="stack stack--sm">
      <TakeAwayCard
        strings={s.sheet}
        savePdf={() => rpc('sessionPrep.agreementsSheetPdf', { therapistId, timeZone, locale, confirmUnencrypted: true })}
        markdown={() => rpc('sessionPrep.agreementsSheetMarkdown', { therapistId, timeZone, locale })}
        onMessage={setMessage}
      />
      <div role="status" aria-live="polite">
        {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      </div>
    </div>
  )
}
