import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Banner, Button, Icon } from '../../components/ui'
import { isRpcError, rpc } from '../../lib/rpc'
import { describeCounts, formatDay, formatSize, formatWhen } from '../recovery/backup-format'
import { backupKeys, backupsQuery } from '../recovery/backups.queries'
import { SecretDialog } from '../recovery/SecretDialog'
import type { Unlock } from '../recovery/SecretFields'
import { recoveryStrings } from '../recovery/recovery.strings'
import { JobProgressBar } from './JobProgressBar'
import { prefsKeys } from './settings.queries'
import { Section, SectionMessage, type Message } from './Section'
import { settingsStrings } from './settings.strings'
import { useVaultSession } from '../vault/vault-session'

const t = settingsStrings.backups
const r = recoveryStrings

type Listing = ChannelOutput<'backup.listAvailable'>['backups'][number]
type Tested = Extract<ChannelOutput<'backup.test'>, { status: 'tested' }>
type Source = { name: string } | { choose: true }
/** Which dialog asks for a passphrase or recovery key, for which backup. */
type Asking = { action: 'test' | 'restore'; source: Source; when: string | null }

const sourceKey = (source: Source): string => ('choose' in source ? 'file' : source.name)

function testedMessage(report: Tested): Message {
  const when = formatWhen(report.createdAt)
  return {
    tone: 'success',
    title: t.tested(when),
    text: (
      <>
        <p>{t.holds(describeCounts(report.counts))}</p>
        {report.firstAt !== null && report.lastAt !== null ? <p>{t.testedRange(formatDay(report.firstAt), formatDay(report.lastAt))}</p> : null}
        {report.danglingReferences > 0 ? <p>{t.testedDangling(report.danglingReferences)}</p> : null}
        {report.fromNewerVersion ? <p>{t.testedNewer}</p> : null}
      </>
    ),
  }
}

/**
 * Backups: the folder, "Back up now" (verified, and what it holds), the backups in the folder
 * with Test and Restore, a backup file from elsewhere, and the note on synced folders.
 */
export function BackupsSection({ id }: { id: string }): React.JSX.Element {
  const queryClient = useQueryClient()
  const session = useVaultSession()
  const listing = useQuery(backupsQuery())
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [asking, setAsking] = useState<Asking | null>(null)
  /** A test or restore asked for in the dialog is under way: its progress shows there. */
  const [checking, setChecking] = useState(false)

  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: backupKeys.all })
  const folder = listing.data?.folder ?? null
  const failure = listing.data?.lastAutomaticFailure ?? null

  const chooseFolder = async (): Promise<void> => {
    setBusy('folder')
    setMessage(null)
    try {
      const result = await rpc('backup.chooseFolder', {})
      if (result.status === 'chosen') {
        setMessage({ tone: 'success', text: t.folderChosen })
        void queryClient.invalidateQueries({ queryKey: prefsKeys.all })
        refresh()
      }
    } catch {
      setMessage({ tone: 'danger', text: settingsStrings.saveFailed })
    } finally {
      setBusy(null)
    }
  }

  const backUpNow = async (chooseLocation: boolean): Promise<void> => {
    setBusy(chooseLocation ? 'elsewhere' : 'now')
    setMessage(null)
    try {
      const result = await rpc('backup.now', { chooseLocation })
      if (result.status === 'cancelled') setMessage({ tone: 'info', text: t.cancelled })
      else
        setMessage({
          tone: 'success',
          title: t.written(result.name, formatSize(result.sizeBytes)),
          text: (
            <>
              <p>{t.verified}</p>
              <p>{t.holds(describeCounts(result.counts))}</p>
            </>
          ),
        })
      refresh()
    } catch {
      setMessage({ tone: 'danger', text: t.failed })
    } finally {
      setBusy(null)
    }
  }

  /** Tests without a key when the backup is of this vault under its current key; otherwise asks. */
  const test = async (source: Source, when: string | null): Promise<void> => {
    setBusy(`test:${sourceKey(source)}`)
    setMessage(null)
    try {
      const result = await rpc('backup.test', { source })
      if (result.status === 'cancelled') setMessage({ tone: 'info', text: t.testCancelled })
      else setMessage(testedMessage(result))
    } catch (error) {
      if (isRpcError(error, 'INVALID_INPUT') && error.field === 'unlock') setAsking({ action: 'test', source, when })
      else if (isRpcError(error, 'BACKUP_INVALID')) setMessage({ tone: 'danger', text: r.restore.invalid })
      else setMessage({ tone: 'danger', text: t.testFailed })
    } finally {
      setBusy(null)
    }
  }

  const withKey = async (unlock: Unlock): Promise<void> => {
    setChecking(true)
    try {
      await testOrRestoreWithKey(unlock)
    } finally {
      setChecking(false)
    }
  }

  const testOrRestoreWithKey = async (unlock: Unlock): Promise<void> => {
    if (!asking) return
    if (asking.action === 'test') {
      const result = await rpc('backup.test', { source: asking.source, unlock })
      setAsking(null)
      setMessage(result.status === 'cancelled' ? { tone: 'info', text: t.testCancelled } : testedMessage(result))
      return
    }
    // The vault closes while the backup is swapped in and opens again before this call returns;
    // if the restore fails, the old vault is back but locked, and the session check shows that.
    try {
      const result = await rpc('backup.restore', { source: asking.source, unlock })
      setAsking(null)
      if (result.status === 'cancelled') setMessage({ tone: 'info', text: r.restore.cancelled })
      else {
        setMessage({
          tone: 'success',
          title: r.restore.doneTitle,
          text: (
            <>
              <p>{r.restore.doneIntro(formatWhen(result.createdAt))}</p>
              <p>{r.restore.doneHolds(describeCounts(result.counts))}</p>
              {result.keptAside ? <p>{r.restore.doneKeptAside(result.keptAside)}</p> : null}
            </>
          ),
        })
      }
    } finally {
      refresh()
      if ((await rpc('vault.status', {})).state !== 'unlocked') session.refresh()
    }
  }

  return (
    <Section id={id} title={t.title} intro={t.intro}>
      <div className="settings-folder">
        <div className="settings-folder__text">
          <p className="settings-label">{t.folder}</p>
          {listing.isPending ? null : folder ? (
            <p className="settings-path">{folder}</p>
          ) : (
            <p className="muted">{t.noFolder}</p>
          )}
        </div>
        <Button busy={busy === 'folder'} onClick={() => void chooseFolder()}>
          {folder ? t.changeFolder : t.chooseFolder}
        </Button>
      </div>
      {folder ? <p className="muted">{t.automatic}</p> : null}
      {failure ? <Banner tone="warning">{t.automaticFailed(formatWhen(failure.at))}</Banner> : null}

      <div className="button-row">
        <Button variant="primary" icon="check" busy={busy === 'now'} busyLabel={t.nowBusy} onClick={() => void backUpNow(false)}>
          {t.now}
        </Button>
        <Button variant="quiet" busy={busy === 'elsewhere'} busyLabel={t.nowBusy} onClick={() => void backUpNow(true)}>
          {t.nowElsewhere}
        </Button>
      </div>
      {busy === 'now' || busy === 'elsewhere' ? <JobProgressBar op="backup" /> : null}
      {busy?.startsWith('test:') ? <JobProgressBar op="backup-test" /> : null}
      <SectionMessage message={message} />

      {folder ? (
        <div className="settings-subsection">
          <h3 className="settings-subsection__title">{t.listTitle}</h3>
          {(listing.data?.backups.length ?? 0) === 0 ? (
            <p className="muted">{t.listEmpty}</p>
          ) : (
            <BackupTable
              backups={listing.data?.backups ?? []}
              busy={busy}
              onTest={(b) => void test({ name: b.name }, formatWhen(b.createdAt))}
              onRestore={(b) => setAsking({ action: 'restore', source: { name: b.name }, when: formatWhen(b.createdAt) })}
            />
          )}
        </div>
      ) : null}

      <div className="button-row">
        <Button busy={busy === 'test:file'} busyLabel={t.testing} onClick={() => void test({ choose: true }, null)}>
          {t.testFile}
        </Button>
        <Button onClick={() => setAsking({ action: 'restore', source: { choose: true }, when: null })}>{t.restoreFile}</Button>
      </div>

      <aside className="settings-aside" aria-labelledby={`${id}-sync`}>
        <h3 id={`${id}-sync`} className="settings-subsection__title">
          {t.syncTitle}
        </h3>
        <p>{t.syncBody}</p>
      </aside>

      <SecretDialog
        open={asking !== null}
        title={asking?.action === 'test' ? r.test.title : asking && 'choose' in asking.source ? r.restore.titleFile : r.restore.title}
        submitLabel={asking?.action === 'test' ? r.test.submit : r.restore.submit}
        submittingLabel={asking?.action === 'test' ? r.test.submitting : r.restore.submitting}
        cancelLabel={r.restore.cancel}
        onClose={() => setAsking(null)}
        onSubmit={withKey}
      >
        {asking?.when ? <p className="recovery__which">{asking.when}</p> : null}
        {checking && asking ? <JobProgressBar op={asking.action === 'test' ? 'backup-test' : 'restore'} /> : null}
        {asking?.action === 'test' ? (
          <>
            <p>{r.test.body}</p>
            {'choose' in asking.source ? <p>{r.test.bodyFile}</p> : null}
          </>
        ) : (
          <>
            <p>{r.restore.body}</p>
            <p>{r.restore.bodyLocks}</p>
            <p>{r.restore.secretIntro}</p>
            {asking && 'choose' in asking.source ? <p>{r.restore.bodyFile}</p> : null}
          </>
        )}
      </SecretDialog>
    </Section>
  )
}

function BackupTable({
  backups,
  busy,
  onTest,
  onRestore,
}: {
  backups: readonly Listing[]
  busy: string | null
  onTest: (b: Listing) => void
  onRestore: (b: Listing) => void
}): React.JSX.Element {
  return (
    <div className="settings-table-wrap">
      <table className="settings-table">
        <thead>
          <tr>
            <th scope="col">{t.colWhen}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colSize}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">
              <span className="visually-hidden">{t.colActions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => {
            const when = formatWhen(b.createdAt)
            return (
              <tr key={b.name}>
                <th scope="row">{when}</th>
                <td>{t.kinds[b.reason]}</td>
                <td>{formatSize(b.sizeBytes)}</td>
                <td>
                  {b.intact ? (
                    <span className="settings-state">
                      <Icon name="check" size={16} />
                      {b.sameVault ? t.intact : t.otherVault}
                    </span>
                  ) : (
                    <span className="settings-state settings-state--bad">
                      <Icon name="alert" size={16} />
                      {t.damaged}
                    </span>
                  )}
                </td>
                <td className="settings-table__actions">
                  {b.intact ? (
                    <>
                      <Button variant="quiet" aria-label={t.testLabel(when)} busy={busy === `test:${b.name}`} onClick={() => onTest(b)}>
                        {t.test}
                      </Button>
                      <Button variant="quiet" aria-label={t.restoreLabel(when)} onClick={() => onRestore(b)}>
                        {t.restore}
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
