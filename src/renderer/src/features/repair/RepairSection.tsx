import { useQuery, useQueryClient } from '@tanstack/react-query'
import './repair.css'
import { useState } from 'react'
import type { UnreadableRow } from '../../../../shared/ipc/contracts/repair'
import { Banner, Button } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { Section } from '../settings/Section'
import { repairStrings as s } from './repair.strings'

/** Every table a repair can read, so any change refreshes the list. */
const repairQuery = () => ({ queryKey: ['repair'] as const, queryFn: () => rpc('repair.list', {}), meta: { tables: '*' as const } })

function RepairRow({ row }: { row: UnreadableRow }): React.JSX.Element {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const text = row.text.map((part) => part.value).join('\n\n')
  const copy = async () => {
    try {
      await rpc('clipboard.write', { text })
      setNote(s.copied)
    } catch {
      setNote(s.failed)
    }
  }
  const remove = async () => {
    try {
      await rpc(`${row.domain}.delete`, { id: row.id })
      setNote(s.removed)
      await queryClient.invalidateQueries({ queryKey: ['repair'] })
    } catch {
      setNote(s.failed)
      setConfirming(false)
    }
  }
  return (
    <li className="repair-row">
      <p>
        <strong>{s.kinds[row.domain]}</strong> {s.unreadable(row.fields)}
      </p>
      {text === '' ? <p className="muted">{s.noText}</p> : <pre className="repair-row__text" dir="auto">{text}</pre>}
      <div className="repair-row__actions">
        {text === '' ? null : (
          <Button variant="secondary" onClick={() => void copy()}>
            {s.copy}
          </Button>
        )}
        <Button variant="danger" onClick={() => (confirming ? void remove() : setConfirming(true))}>
          {confirming ? s.confirmRemove : s.remove}
        </Button>
        <span aria-live="polite">{note}</span>
      </div>
    </li>
  )
}

/** Settings → Repair: the rows lists leave out (repair.list), with what can be read of them. */
export function RepairSection({ id }: { id: string }): React.JSX.Element {
  const repair = useQuery(repairQuery())
  return (
    <Section id={id} title={s.title} intro={s.intro}>
      {repair.isPending ? (
        <p className="muted">{s.loading}</p>
      ) : repair.isError ? (
        <Banner tone="danger" action={<Button onClick={() => void repair.refetch()}>{s.retry}</Button>}>
          {s.loadFailed}
        </Banner>
      ) : repair.data.rows.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <>
          <ul className="repair-list">
            {repair.data.rows.map((row) => (
              <RepairRow key={`${row.domain}:${row.id}`} row={row} />
            ))}
          </ul>
          {repair.data.more > 0 ? <p className="muted">{s.more(repair.data.more)}</p> : null}
        </>
      )}
    </Section>
  )
}
