import { useMemo, useState } from 'react'
import { Banner, Button } from '../../components/ui'
import { useKeepVaultOpen } from '../../lib/activity'
import { copyText } from '../../lib/clipboard'
import { recoveryKeyGroups } from './recovery-key'
import { VaultFrame } from './VaultFrame'
import { vaultStrings as s } from './vault.strings'

interface RecoveryKeyStepProps {
  recoveryKey: string
  createdAt: number
  step: string
  onKept: () => void
}

type Notice = { tone: 'success' | 'warning'; text: string } | null

/** The recovery key, shown once, with ways to keep it: copy, print, save as a file. */
export function RecoveryKeyStep({ recoveryKey, createdAt, step, onKept }: RecoveryKeyStepProps): React.JSX.Element {
  useKeepVaultOpen()
  const [notice, setNotice] = useState<Notice>(null)
  const groups = useMemo(() => recoveryKeyGroups(recoveryKey), [recoveryKey])
  const created = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(createdAt)

  const copy = async (): Promise<void> => {
    const copied = await copyText(recoveryKey)
    setNotice(
      copied === 'guarded'
        ? { tone: 'success', text: s.recovery.copiedGuarded }
        : copied === 'plain'
          ? { tone: 'success', text: s.recovery.copied }
          : { tone: 'warning', text: s.recovery.copyFailed },
    )
  }

  return (
    <VaultFrame title={s.recovery.title} step={step} intro={<p>{s.recovery.intro}</p>} focusTitle wide>
      <div className="stack stack--lg">
        <figure className="recovery-key print-area">
          <h2 className="print-only">{s.recovery.printTitle}</h2>
          <figcaption className="recovery-key__label">{s.recovery.keyLabel}</figcaption>
          <p className="recovery-key__value" data-testid="recovery-key" aria-hidden="true">
            {groups.map((group, i) => (
              <span key={i} className="recovery-key__group">
                {group}
              </span>
            ))}
          </p>
          <ol className="visually-hidden">
            {groups.map((group, i) => (
              <li key={i}>{s.recovery.spokenGroup(i + 1, group)}</li>
            ))}
          </ol>
          <p className="print-only">{s.recovery.printCreated(created)}</p>
          <p className="print-only">{s.recovery.printNote}</p>
        </figure>
        <div className="button-row button-row--center no-print">
          <Button icon="copy" onClick={() => void copy()}>
            {s.recovery.copy}
          </Button>
          <Button icon="printer" onClick={() => window.print()} title={s.recovery.printHint}>
            {s.recovery.print}
          </Button>
        </div>
        {notice ? <Banner tone={notice.tone}>{notice.text}</Banner> : null}
        <Banner tone="warning">{s.recovery.warning}</Banner>
        <div className="button-row button-row--end">
          <Button variant="primary" onClick={onKept}>
            {s.recovery.kept}
          </Button>
        </div>
      </div>
    </VaultFrame>
  )
}
