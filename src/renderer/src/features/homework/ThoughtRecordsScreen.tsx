import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Banner, Button, EmptyState, LoadingArea } from '../../components/ui'
import { useNow } from '../../lib/use-now'
import { formatDay, formatTime } from '../timeline/format'
import { takeHomeworkTarget } from './homework-focus'
import { thoughtRecordsQuery } from './homework.queries'
import { homeworkStrings } from './homework.strings'
import { ThoughtRecordEditor } from './ThoughtRecordEditor'
import './homework.css'

const s = homeworkStrings.thoughtRecords

/** Thought records: the list, newest first, and the one being written. */
export default function ThoughtRecordsScreen(): React.JSX.Element {
  const records = useQuery(thoughtRecordsQuery())
  // 'new': a fresh record (its key changes once it is created, keeping the editor mounted).
  const [open, setOpen] = useState<{ id: string | null; key: string; fresh: boolean } | null>(() => {
    const target = takeHomeworkTarget('thought_record')
    return target ? { id: target.id, key: target.id, fresh: false } : null
  })
  const openRecord = open?.id ? records.data?.find((r) => r.id === open.id) : undefined
  const now = useNow()

  return (
    <div className="page homework">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
        <Button icon="plus" onClick={() => setOpen({ id: null, key: `new-${Date.now()}`, fresh: true })}>
          {s.new}
        </Button>
      </header>
      <div className="homework__split">
        <section className="homework__list" aria-labelledby="tr-list-title">
          <h2 id="tr-list-title">{s.list}</h2>
          {records.isPending ? (
            <LoadingArea label={s.list} />
          ) : records.isError ? (
            <Banner tone="warning">{s.saveFailed}</Banner>
          ) : records.data.length === 0 ? (
            <EmptyState icon="message" title={s.list}>
              <p>{s.empty}</p>
            </EmptyState>
          ) : (
            <ul className="homework__items">
              {records.data.map((record) => {
                const hot = record.thoughts.find((t) => t.hot)?.text ?? record.situation
                return (
                  <li key={record.id}>
                    <button
                      type="button"
                      className="homework__item"
                      aria-current={open?.id === record.id ? 'true' : undefined}
                      onClick={() => setOpen({ id: record.id, key: record.id, fresh: false })}
                    >
                      <span className="homework__item-when">{`${formatDay(record.happenedAt, now)}, ${formatTime(record.happenedAt)}`}</span>
                      <span className="homework__item-text" dir="auto">
                        {hot.trim() || s.untitled}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
        {open && (open.fresh || openRecord) ? (
          <ThoughtRecordEditor key={open.key} record={openRecord ?? null} onCreated={(id) => setOpen((o) => (o ? { ...o, id } : o))} onDeleted={() => setOpen(null)} />
        ) : null}
      </div>
    </div>
  )
}
