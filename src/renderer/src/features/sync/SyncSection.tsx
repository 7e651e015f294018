import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Banner, Button, Dialog } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { JobProgressBar } from '../settings/JobProgressBar'
import { useBackgroundPass } from './useBackgroundPass'
import { Section, SectionMessage, type Message } from '../settings/Section'
import { SyncDevices } from './SyncDevices'
import { SyncSetup } from './SyncSetup'
import { joinAgainReason, syncErrorText } from './sync-errors'
import { syncKeys, syncStatusQuery } from './sync.queries'
import { syncStrings as s } from './sync.strings'
import './sync.css'

/** Settings → Sync: set up when off; when on, the folder, Sync now with progress, the computers, Turn off. */
export function SyncSection({ id }: { id: string }): React.JSX.Element {
  const queryClient = useQueryClient()
  const status = useQuery(syncStatusQuery())
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmOff, setConfirmOff] = useState(false)
  const backgroundPass = useBackgroundPass()
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: syncKeys.all })
  const syncNow = async (rejoin: boolean): Promise<void> => {
    setMessage(null)
    setBusy(true)
    try {
      const result = await rpc(rejoin ? 'sync.rejoin' : 'sync.now', {})
      const done = rejoin ? s.rejoined : s.synced(result.appliedFiles)
      // Told to rejoin: the banner above says so; "up to date" would not be true.
      if (result.stopped) setMessage({ tone: 'info', text: s.stopped })
      else if (!result.rejoinNeeded) setMessage({ tone: result.waitingDevices > 0 ? 'info' : 'success', text: result.waitingDevices > 0 ? s.stillArriving : done })
    } catch (error) {
      setMessage({ tone: 'danger', text: syncErrorText(error) })
    } finally {
      setBusy(false)
      refresh()
    }
  }

  const turnOff = async (): Promise<void> => {
    setConfirmOff(false)
    try {
      await rpc('sync.disable', {})
      setMessage({ tone: 'success', text: s.turnedOff })
    } catch (error) {
      setMessage({ tone: 'danger', text: syncErrorText(error) })
    }
    refresh()
  }

  const data = status.data
  const joinAgain = status.isError ? joinAgainReason(status.error) : null
  return (
    <Section id={id} title={s.title} intro={s.intro}>
      {joinAgain ? (
        <Banner
          tone="warning"
          title={joinAgain.title}
          action={
            <Button variant="primary" onClick={() => setConfirmOff(true)}>
              {s.turnOff}
            </Button>
          }
        >
          {joinAgain.intro}
        </Banner>
      ) : status.isError ? (
        <Banner tone="danger" action={<Button onClick={() => void status.refetch()}>{s.retry}</Button>}>
          {s.loadFailed}
        </Banner>
      ) : !data ? null : !data.enabled ? (
        <SyncSetup
          onEnabled={() => {
            setMessage({ tone: 'success', text: s.turnedOn })
            refresh()
          }}
        />
      ) : (
        <div className="sync-on">
          <p className="sync-folder">
            <span className="muted">{s.folder}</span> <span dir="auto">{data.folder}</span>
          </p>
          {data.rejoinNeeded ? (
            <Banner
              tone="warning"
              title={s.rejoinTitle}
              action={
                <Button variant="primary" onClick={() => void syncNow(true)} disabled={busy}>
                  {busy ? s.rejoining : s.rejoin}
                </Button>
              }
            >
              {s.rejoinIntro}
            </Banner>
          ) : null}
          <div className="sync-actions sync-actions--start">
            <Button variant="primary" onClick={() => void syncNow(false)} disabled={busy}>
              {busy ? s.syncing : s.syncNow}
            </Button>
            {busy || backgroundPass ? <JobProgressBar op="sync" /> : null}
          </div>
          {data.unsentChanges > 0 ? <p className="muted">{s.unsent(data.unsentChanges)}</p> : null}
          {data.checkedEverySeconds !== null ? <p className="muted">{s.checkedEvery(data.checkedEverySeconds)}</p> : null}
          {data.ignoredFiles > 0 ? <p className="muted">{s.ignored(data.ignoredFiles)}</p> : null}
          <SyncDevices
            devices={data.devices}
            onRemoved={(name) => {
              setMessage({ tone: 'success', text: s.removedDone(name) })
              refresh()
            }}
          />
          <div>
            <Button variant="quiet" onClick={() => setConfirmOff(true)}>
              {s.turnOff}
            </Button>
          </div>
        </div>
      )}
      <SectionMessage message={message} />
      <Dialog
        open={confirmOff}
        onClose={() => setConfirmOff(false)}
        title={s.turnOffTitle}
        description={s.turnOffIntro}
        closeLabel={s.cancel}
        role="alertdialog"
        actions={
          <>
            <Button variant="quiet" onClick={() => setConfirmOff(false)}>
              {s.cancel}
            </Button>
            <Button variant="danger" onClick={() => void turnOff()}>
              {s.turnOff}
            </Button>
          </>
        }
      />
    </Section>
  )
}
