import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Absence } from '../../../../shared/ipc/schemas/absences'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, Dialog, TextField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { agreementsStrings } from './agreements.strings'
import { absencesQuery } from './agreements.queries'
import { fromDateInput, toDateInput } from './controls'

const t = agreementsStrings.absences
const DAY = 86_400_000
const day = (ms: number) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'long' }).format(ms)

/** "Back on" is the first day back: the absence ends at that local midnight. */
const rangeText = (a: Absence) => t.range(day(a.startsAt), day(a.endsAt))

export function Absences({
  therapist,
  hasAwayRule,
  now,
  onAddRule,
}: {
  therapist: Therapist
  hasAwayRule: boolean
  now: number
  onAddRule: () => void
}): React.JSX.Element {
  const absences = useQuery(absencesQuery(therapist.id))
  const [editing, setEditing] = useState<Absence | 'new' | null>(null)
  const [failed, setFailed] = useState(false)
  const list = (absences.data ?? []).filter((a) => a.endsAt > now - 30 * DAY).sort((a, b) => a.startsAt - b.startsAt)

  return (
    <section className="card card--padded" aria-labelledby="absences-title">
      <header className="card__header">
        <h2 id="absences-title" className="card__title">
          {t.title}
        </h2>
        <div className="card__actions">
          <Button icon="plus" onClick={() => setEditing('new')}>
            {t.add}
          </Button>
        </div>
      </header>
      <p className="muted">{t.intro}</p>
      {!hasAwayRule ? (
        <Banner tone="info" action={<Button onClick={onAddRule}>{t.addRule}</Button>}>
          {t.noRule}
        </Banner>
      ) : null}
      {failed ? <Banner tone="danger">{t.failed}</Banner> : null}
      {list.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ul className="absence-list">
          {list.map((a) => {
            const range = rangeText(a)
            const current = a.startsAt <= now && now < a.endsAt
            return (
              <li key={a.id} className="absence">
                <div>
                  <p className="absence__range">
                    {range}
                    {current ? <span className="tag tag--warn">{t.now}</span> : null}
                  </p>
                  <p className="muted small">{a.coveringName || a.coveringContact ? t.covering(a.coveringName, a.coveringContact) : t.nobody}</p>
                  {a.note ? <p className="small">{a.note}</p> : null}
                </div>
                <div className="rule__actions">
                  <Button variant="quiet" aria-label={t.editLabel(range)} onClick={() => setEditing(a)}>
                    {t.edit}
                  </Button>
                  <Button
                    variant="quiet"
                    icon="trash"
                    aria-label={t.removeLabel(range)}
                    onClick={async () => {
                      setFailed(false)
                      await rpc('absences.delete', { id: a.id }).catch(() => setFailed(true))
                    }}
                  >
                    {t.remove}
                  </Button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <AbsenceDialog therapistId={therapist.id} absence={editing} now={now} onClose={() => setEditing(null)} />
    </section>
  )
}

function AbsenceDialog({
  therapistId,
  absence,
  now,
  onClose,
}: {
  therapistId: string
  absence: Absence | 'new' | null
  now: number
  onClose: () => void
}): React.JSX.Element {
  const open = absence !== null
  return (
    <Dialog open={open} onClose={onClose} title={absence === 'new' ? t.dialogTitle : t.editTitle} closeLabel={t.close}>
      {open ? <AbsenceForm key={absence === 'new' ? 'new' : absence.id} therapistId={therapistId} absence={absence === 'new' ? null : absence} now={now} onClose={onClose} /> : null}
    </Dialog>
  )
}

function AbsenceForm({ therapistId, absence, now, onClose }: { therapistId: string; absence: Absence | null; now: number; onClose: () => void }): React.JSX.Element {
  const [from, setFrom] = useState(toDateInput(absence?.startsAt ?? now + 7 * DAY))
  const [until, setUntil] = useState(toDateInput(absence?.endsAt ?? now + 14 * DAY))
  const [coveringName, setCoveringName] = useState(absence?.coveringName ?? '')
  const [coveringContact, setCoveringContact] = useState(absence?.coveringContact ?? '')
  const [note, setNote] = useState(absence?.note ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  return (
    <form
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault()
        const startsAt = fromDateInput(from)
        const endsAt = fromDateInput(until)
        if (startsAt === null || endsAt === null || endsAt <= startsAt) {
          setError(t.order)
          return
        }
        setBusy(true)
        const fields = { startsAt, endsAt, coveringName: coveringName.trim(), coveringContact: coveringContact.trim(), note: note.trim() }
        try {
          if (absence) await rpc('absences.update', updateSince(absence.id, fields, absence))
          else await rpc('absences.create', { therapistId, ...fields })
          onClose()
        } catch {
          setError(t.failed)
          setBusy(false)
        }
      }}
    >
      <div className="inline-fields">
        <TextField label={t.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t.until} type="date" value={until} onChange={(e) => setUntil(e.target.value)} error={error === t.order ? error : undefined} />
      </div>
      <TextField label={t.coveringName} optional optionalText={agreementsStrings.editor.optional} value={coveringName} maxLength={500} onChange={(e) => setCoveringName(e.target.value)} />
      <TextField
        label={t.coveringContact}
        hint={t.coveringContactHint}
        optional
        optionalText={agreementsStrings.editor.optional}
        value={coveringContact}
        maxLength={500}
        onChange={(e) => setCoveringContact(e.target.value)}
      />
      <TextField label={t.note} optional optionalText={agreementsStrings.editor.optional} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      {error && error !== t.order ? <Banner tone="danger">{error}</Banner> : null}
      <div className="button-row button-row--end">
        <Button variant="quiet" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button type="submit" variant="primary" busy={busy}>
          {t.save}
        </Button>
      </div>
    </form>
  )
}
