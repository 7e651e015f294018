import { useState, type FormEvent } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Button, Dialog, PasswordField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { formatWhen } from '../recovery/backup-format'
import { syncErrorText } from './sync-errors'
import { syncStrings as s } from './sync.strings'

type Status = Extract<ChannelOutput<'sync.status'>, { enabled: true }>
type Device = Status['devices'][number]

/** The computers in sync: name, when last heard from, what is waiting, and Remove for the others. */
export function SyncDevices({ devices, onRemoved }: { devices: Device[]; onRemoved: (name: string) => void }): React.JSX.Element {
  const [removing, setRemoving] = useState<Device | null>(null)
  return (
    <section aria-labelledby="sync-devices-title" className="sync-devices">
      <h3 id="sync-devices-title" className="sync-devices__title">
        {s.devicesTitle}
      </h3>
      <ul className="sync-devices__list">
        {devices.map((device) => (
          <li key={device.id} className="sync-device">
            <div className="sync-device__text">
              <span className="sync-device__name" dir="auto">
                {device.name}
              </span>
              <span className="muted">
                {device.thisDevice
                  ? s.thisDevice
                  : device.removed
                    ? s.removed
                    : `${device.lastHeardAt === null ? s.neverHeard : s.lastHeard(formatWhen(device.lastHeardAt))} · ${s.waiting(device.waitingFiles)}`}
              </span>
            </div>
            {!device.thisDevice && !device.removed ? (
              <Button variant="quiet" onClick={() => setRemoving(device)} aria-label={s.removeTitle(device.name)}>
                {s.remove}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} title={removing ? s.removeTitle(removing.name) : ''} closeLabel={s.cancel}>
        {removing ? (
          <RemoveDevice
            device={removing}
            onCancel={() => setRemoving(null)}
            onRemoved={() => {
              setRemoving(null)
              onRemoved(removing.name)
            }}
          />
        ) : null}
      </Dialog>
    </section>
  )
}

function RemoveDevice({ device, onCancel, onRemoved }: { device: Device; onCancel: () => void; onRemoved: () => void }): React.JSX.Element {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (passphrase === '') return setError(s.passphraseEmpty)
    setBusy(true)
    try {
      await rpc('sync.removeDevice', { deviceId: device.id, passphrase })
      onRemoved()
    } catch (failure) {
      setError(syncErrorText(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{s.removeIntro}</p>
      <PasswordField
        label={s.passphrase}
        showLabel={s.show}
        capsLockText={s.capsLock}
        value={passphrase}
        onChange={(event) => {
          setPassphrase(event.target.value)
          setError(null)
        }}
        error={error}
        maxLength={1024}
        autoFocus
      />
      <div className="dialog__actions">
        <Button variant="quiet" onClick={onCancel} disabled={busy}>
          {s.cancel}
        </Button>
        <Button type="submit" variant="danger" disabled={busy}>
          {s.removeConfirm}
        </Button>
      </div>
    </form>
  )
}
