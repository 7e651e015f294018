import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Banner, Button, Spinner } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { LockScreenCrisis } from '../crisis-plan/LockScreenCrisis'
import { useVaultSession } from '../vault/vault-session'
import { VaultFrame } from '../vault/VaultFrame'
import { describeCounts, formatWhen, reasonLabel } from './backup-format'
import { backupsQuery } from './backups.queries'
import { SecretDialog } from './SecretDialog'
import type { Unlock } from './SecretFields'
import { recoveryStrings } from './recovery.strings'
import './recovery.css'

const s = recoveryStrings.corrupt
const r = recoveryStrings.restore

type Listing = ChannelOutput<'backup.listAvailable'>['backups'][number]
type Restored = Extract<ChannelOutput<'backup.restore'>, { status: 'restored' }>
type Source = { name: string; when: string } | { choose: true }

/** The newest intact backup, preferring one made from this vault. */
export function newestIntact(backups: readonly Listing[]): Listing | null {
  const intact = backups.filter((b) => b.intact)
  return intact.find((b) => b.sameVault) ?? intact[0] ?? null
}

/**
 * Shown when unlocking fails with VAULT_CORRUPT. Calm, no blame, nothing is ever deleted here:
 * it offers the newest complete backup in the backup folder, any other complete one, or a
 * backup file chosen from elsewhere. Restoring keeps the damaged vault aside.
 */
export function CorruptVaultNotice({ onBack }: { onBack: () => void }): React.JSX.Element {
  const [restored, setRestored] = useState<Restored | null>(null)
  if (restored) return <RestoredView restored={restored} />
  return <DamagedView onBack={onBack} onRestored={setRestored} />
}

function DamagedView({ onBack, onRestored }: { onBack: () => void; onRestored: (r: Restored) => void }): React.JSX.Element {
  const listing = useQuery(backupsQuery())
  const [source, setSource] = useState<Source | null>(null)
  const [cancelled, setCancelled] = useState(false)

  const backups = listing.data?.backups ?? []
  const newest = newestIntact(backups)
  const others = backups.filter((b) => b !== newest)

  const restore = async (unlock: Unlock): Promise<void> => {
    if (!source) return
    const result = await rpc('backup.restore', { source: 'choose' in source ? { choose: true } : { name: source.name }, unlock })
    setSource(null)
    if (result.status === 'cancelled') setCancelled(true)
    else onRestored(result)
  }

  const open = (next: Source): void => {
    setCancelled(false)
    setSource(next)
  }

  return (
    <VaultFrame title={s.title} intro={s.intro.map((p) => <p key={p}>{p}</p>)} focusTitle wide>
      <div className="recovery">
        {listing.isPending ? (
          <p className="recovery__checking" role="status">
            <Spinner size={18} />
            <span>{s.checking}</span>
          </p>
        ) : listing.isError ? (
          <Banner tone="warning">{s.listFailed}</Banner>
        ) : newest ? (
          <section className="recovery__option recovery__option--main" aria-labelledby="recovery-newest">
            <h2 id="recovery-newest" className="recovery__heading">
              {s.newestTitle}
            </h2>
            <p>{s.newest(formatWhen(newest.createdAt), reasonLabel(newest.reason))}</p>
            <p className="muted">
              {s.newestAfter(formatWhen(newest.createdAt))} {s.keptAside}
            </p>
            <div>
              <Button variant="primary" icon="check" onClick={() => open({ name: newest.name, when: formatWhen(newest.createdAt) })}>
                {s.restore}
              </Button>
            </div>
          </section>
        ) : (
          <Banner tone="info">{listing.data.folder === null ? s.noFolder : s.noBackups}</Banner>
        )}

        {others.length > 0 ? (
          <section className="recovery__option" aria-labelledby="recovery-others">
            <h2 id="recovery-others" className="recovery__heading">
              {s.othersTitle}
            </h2>
            <ul className="recovery__list">
              {others.map((b) => {
                const when = formatWhen(b.createdAt)
                return (
                  <li key={b.name} className="recovery__item">
                    {b.intact ? (
                      <>
                        <span>
                          {when} <span className="muted">({reasonLabel(b.reason)})</span>
                        </span>
                        <Button variant="secondary" aria-label={s.chooseOtherLabel(when)} onClick={() => open({ name: b.name, when })}>
                          {s.chooseOther}
                        </Button>
                      </>
                    ) : (
                      <span className="muted">{s.damagedBackup(when)}</span>
                    )}
                  </li>
                )
              })}
            </ul>
          </section>
        ) : null}

        <section className="recovery__option" aria-labelledby="recovery-file">
          <h2 id="recovery-file" className="recovery__heading">
            {s.fileTitle}
          </h2>
          <p className="muted">{s.fileBody}</p>
          <div>
            <Button variant={newest ? 'secondary' : 'primary'} icon="download" onClick={() => open({ choose: true })}>
              {s.chooseFile}
            </Button>
          </div>
        </section>

        {cancelled ? <Banner tone="info">{r.cancelled}</Banner> : null}

        <section className="recovery__option" aria-labelledby="recovery-other-ways">
          <h2 id="recovery-other-ways" className="recovery__heading">
            {s.otherWaysTitle}
          </h2>
          <p className="muted">{s.otherWays}</p>
        </section>

        <div className="button-row">
          <Button variant="quiet" icon="arrowLeft" onClick={onBack}>
            {s.back}
          </Button>
        </div>
      </div>

      <SecretDialog
        open={source !== null}
        title={source && 'choose' in source ? r.titleFile : r.title}
        submitLabel={r.submit}
        submittingLabel={r.submitting}
        cancelLabel={r.cancel}
        onClose={() => setSource(null)}
        onSubmit={restore}
      >
        {source && !('choose' in source) ? <p className="recovery__which">{source.when}</p> : null}
        <p>{r.body}</p>
        <p>{r.secretIntro}</p>
        {source && 'choose' in source ? <p>{r.bodyFile}</p> : null}
      </SecretDialog>
      <LockScreenCrisis />
    </VaultFrame>
  )
}

function RestoredView({ restored }: { restored: Restored }): React.JSX.Element {
  const session = useVaultSession()
  return (
    <VaultFrame title={r.doneTitle} intro={<p>{r.doneIntro(formatWhen(restored.createdAt))}</p>} focusTitle>
      <div className="stack">
        <p>{r.doneHolds(describeCounts(restored.counts))}</p>
        {restored.keptAside ? <p className="muted">{r.doneKeptAside(restored.keptAside)}</p> : null}
        <div className="button-row button-row--end">
          <Button variant="primary" size="lg" onClick={session.enter}>
            {r.open}
          </Button>
        </div>
      </div>
    </VaultFrame>
  )
}
