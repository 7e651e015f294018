import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, Card, Dialog, EmptyState, Spinner } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { useNow } from '../../lib/use-now'
import { localTimeZone, TherapistForm } from '../therapists/TherapistForm'
import { therapistKeys, therapistsListQuery } from '../therapists/therapists.queries'
import { therapistsStrings } from '../therapists/therapists.strings'
import { homeStrings as s } from './home.strings'

/** A simple home: a greeting, the therapist, and the way into the timeline. */
export function HomeScreen(): React.JSX.Element {
  const hour = new Date(useNow()).getHours()
  const { navigate } = useNavigation()
  return (
    <div className="page">
      <header className="page__header">
        <h1>{s.greeting(hour)}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      <TherapistCard />
      <Card>
        <EmptyState
          icon="clock"
          title={s.timeline.title}
          action={
            <Button variant="secondary" onClick={() => navigate('timeline')}>
              {s.timeline.open}
            </Button>
          }
        >
          <p>{s.timeline.body}</p>
        </EmptyState>
      </Card>
    </div>
  )
}

function TherapistCard(): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<Therapist | null>(null)
  const queryClient = useQueryClient()
  const saved = async () => {
    await queryClient.invalidateQueries({ queryKey: therapistKeys.all })
    setAdding(false)
    setEditing(null)
  }

  let body: React.JSX.Element
  if (therapists.isPending) body = <Spinner label={s.therapist.title} />
  else if (therapists.isError) body = <Banner tone="warning">{s.therapist.loadFailed}</Banner>
  else if (therapists.data.length === 0)
    body = (
      <EmptyState
        icon="leaf"
        level={3}
        title={s.therapist.emptyTitle}
        action={
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
            {s.therapist.add}
          </Button>
        }
      >
        <p>{s.therapist.emptyBody}</p>
      </EmptyState>
    )
  else
    body = (
      <ul className="therapist-list">
        {therapists.data.map((therapist) => (
          <TherapistSummary key={therapist.id} therapist={therapist} onEdit={() => setEditing(therapist)} />
        ))}
      </ul>
    )

  return (
    <Card title={s.therapist.title}>
      {body}
      <Dialog open={adding} onClose={() => setAdding(false)} title={s.therapist.dialogTitle} closeLabel={s.therapist.dialogClose}>
        <TherapistForm
          submitLabel={s.therapist.save}
          submittingLabel={s.therapist.saving}
          onSubmit={async (draft) => {
            await rpc('therapists.create', draft)
            await saved()
          }}
          secondary={
            <Button variant="quiet" onClick={() => setAdding(false)}>
              {s.therapist.cancel}
            </Button>
          }
        />
      </Dialog>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={s.therapist.editTitle} description={s.therapist.editKeeps} closeLabel={s.therapist.dialogClose}>
        {editing ? (
          <TherapistForm
            key={editing.id}
            initial={editing}
            submitLabel={s.therapist.save}
            submittingLabel={s.therapist.saving}
            onSubmit={async (draft) => {
              await rpc('therapists.update', updateSince(editing.id, draft, editing))
              await saved()
            }}
            secondary={
              <Button variant="quiet" onClick={() => setEditing(null)}>
                {s.therapist.cancel}
              </Button>
            }
          />
        ) : null}
      </Dialog>
    </Card>
  )
}

function TherapistSummary({ therapist, onEdit }: { therapist: Therapist; onEdit: () => void }): React.JSX.Element {
  const now = useNow()
  const sameZone = therapist.timeZone === localTimeZone()
  const theirTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: therapist.timeZone }).format(now)
  return (
    <li className="therapist">
      <div className="therapist__who">
        <h3 className="therapist__name" dir="auto">
          {therapist.name}
          {therapist.pronouns ? (
            <span className="therapist__pronouns" dir="auto">
              {' '}
              ({therapist.pronouns})
            </span>
          ) : null}
        </h3>
        {therapist.practice ? (
          <p className="muted" dir="auto">
            {therapist.practice}
          </p>
        ) : null}
        <p className="therapist__time small muted">{sameZone ? s.therapist.sameZone : s.therapist.theirTime(theirTime)}</p>
      </div>
      {therapist.channels.length > 0 ? (
        <ul className="therapist__channels">
          {therapist.channels.map((channel, i) => (
            <li key={i} className="therapist__channel">
              <span className="therapist__channel-kind">{therapistsStrings.channels[channel.channel]}</span>
              <span className="therapist__channel-detail">
                <span className="therapist__channel-address" dir="auto">
                  {channel.address}
                </span>
                {channel.label ? (
                  <span className="therapist__channel-label" dir="auto">
                    {channel.label}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{s.therapist.noChannels}</p>
      )}
      <div className="therapist__actions">
        <Button variant="secondary" aria-label={s.therapist.edit(therapist.name)} onClick={onEdit}>
          {s.therapist.editShort}
        </Button>
      </div>
    </li>
  )
}
