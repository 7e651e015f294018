import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { SessionFormat } from '../../../../shared/domain/vocabulary'
import { addLocalDays, instantFromLocalParts, localParts } from '../../../../shared/domain/time/local-time'
import type { Session } from '../../../../shared/ipc/schemas/sessions'
import { Banner, Button, Dialog, SelectField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { localZone } from '../timeline/format'
import { journalStrings as s } from './journal.strings'
import { FORMATS } from './SessionEditor'
import { recentSessionsQuery } from './journal.queries'

type Repeat = 'once' | 'weekly' | 'fortnightly'

interface SeriesDialogProps {
  open: boolean
  onClose(): void
  /** After the sessions exist: how many, and the first one's time. */
  onAdded(count: number, firstAt: number): void
}

/** Schedule the next session, or a weekly or fortnightly run of them (sessions.createSeries). */
export function SeriesDialog({ open, onClose, onAdded }: SeriesDialogProps): React.JSX.Element {
  const sessions = useQuery({ ...recentSessionsQuery(), enabled: open })
  return (
    <Dialog open={open} onClose={onClose} title={s.series.title} description={s.series.intro} closeLabel={s.series.close}>
      {open && !sessions.isPending ? <SeriesForm onClose={onClose} onAdded={onAdded} latest={sessions.data?.[0] ?? null} /> : null}
    </Dialog>
  )
}

/** The same weekday and time as the latest session, a week on and in the future; else a week ahead. */
function suggestedStart(latest: Session | null): number {
  const now = Date.now()
  if (latest) {
    // A week after the latest session (past or already scheduled), then on until it is ahead.
    let at = addLocalDays(latest.startsAt, 7, latest.timeZone)
    for (let i = 0; at <= now && i < 520; i++) at = addLocalDays(at, 7, latest.timeZone)
    if (at > now) return at
  }
  return Math.ceil((now + 7 * 86_400_000) / 3_600_000) * 3_600_000
}

function SeriesForm({ onClose, onAdded, latest }: Omit<SeriesDialogProps, 'open'> & { latest: Session | null }): React.JSX.Element {
  const zone = localZone()
  const therapists = useQuery(therapistsListQuery())
  const [form, setForm] = useState(() => ({
    ...localParts(suggestedStart(latest), zone),
    durationMinutes: latest?.durationMinutes ?? 50,
    format: (latest?.format ?? 'in_person') as SessionFormat,
    therapistId: latest?.therapistId ?? '',
    repeat: 'weekly' as Repeat,
    count: 6,
  }))
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [touched, setTouched] = useState(false)
  const therapistId = form.therapistId || (therapists.data?.length === 1 ? (therapists.data[0]?.id ?? '') : '')
  const startsAt = instantFromLocalParts(form.date, form.time, zone)
  const count = form.repeat === 'once' ? 1 : Math.min(52, Math.max(1, Math.round(form.count) || 1))
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }))

  const submit = async () => {
    setTouched(true)
    if (startsAt === null) return
    setBusy(true)
    setFailed(false)
    const common = { therapistId: therapistId || null, startsAt, timeZone: zone, durationMinutes: form.durationMinutes, format: form.format }
    try {
      if (form.repeat === 'once') await rpc('sessions.create', { ...common, status: 'scheduled' })
      else await rpc('sessions.createSeries', { ...common, repeat: form.repeat, count })
      onAdded(count, startsAt)
      onClose()
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {failed ? <Banner tone="danger">{s.series.failed}</Banner> : null}
      <div className="form-grid">
        <TextField label={s.session.date} type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} error={touched && startsAt === null ? s.session.invalidDate : undefined} />
        <TextField label={s.session.time} type="time" value={form.time} onChange={(e) => set({ time: e.target.value })} />
        <TextField label={s.session.duration} type="number" min={5} max={600} step={5} value={String(form.durationMinutes)} onChange={(e) => set({ durationMinutes: Number(e.target.value) || 50 })} />
      </div>
      <div className="form-grid">
        <SelectField label={s.session.format} value={form.format} onChange={(e) => set({ format: e.target.value as SessionFormat })}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {s.session.formats[f]}
            </option>
          ))}
        </SelectField>
        <SelectField label={s.session.therapist} value={therapistId} onChange={(e) => set({ therapistId: e.target.value })}>
          <option value="">{s.session.noTherapist}</option>
          {(therapists.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <SelectField label={s.series.repeat} value={form.repeat} onChange={(e) => set({ repeat: e.target.value as Repeat })}>
          {(['once', 'weekly', 'fortnightly'] as const).map((r) => (
            <option key={r} value={r}>
              {s.series.repeats[r]}
            </option>
          ))}
        </SelectField>
        {form.repeat !== 'once' ? (
          <TextField label={s.series.count} type="number" min={1} max={52} value={String(form.count)} aria-describedby="series-count-hint" onChange={(e) => set({ count: Number(e.target.value) })} />
        ) : null}
      </div>
      {form.repeat !== 'once' ? (
        <p className="field__hint" id="series-count-hint">
          {s.series.countHint}
        </p>
      ) : null}
      <div className="button-row button-row--end">
        <Button variant="quiet" onClick={onClose}>
          {s.series.cancel}
        </Button>
        <Button type="submit" variant="primary" icon="plus" busy={busy} busyLabel={s.series.submitting}>
          {s.series.submit(count)}
        </Button>
      </div>
    </form>
  )
}
