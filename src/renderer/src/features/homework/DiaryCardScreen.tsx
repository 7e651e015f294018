import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Banner, Button, LoadingArea } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { Checkbox } from '../agreements/controls'
import { addDays, dayLabel, mondayOf, today } from './diary-week'
import { DiarySetupForm } from './DiarySetupForm'
import { DiaryWeekTable } from './DiaryWeekTable'
import { takeHomeworkTarget } from './homework-focus'
import { diaryWeekQuery, homeworkKeys } from './homework.queries'
import { homeworkStrings } from './homework.strings'
import './homework.css'

const s = homeworkStrings.diary

/** The DBT diary card, a week at a time, like the paper card. */
export default function DiaryCardScreen(): React.JSX.Element {
  const queryClient = useQueryClient()
  const [weekStart, setWeekStart] = useState(() => {
    const target = takeHomeworkTarget('diary_day')
    return mondayOf(target ? today(target.at) : today())
  })
  const week = useQuery(diaryWeekQuery(weekStart))
  const [print, setPrint] = useState<'idle' | 'written' | 'failed'>('idle')

  const mark = async (bringToSession: boolean) => {
    await rpc('diaryCard.markWeek', { weekStart, bringToSession })
    void queryClient.invalidateQueries({ queryKey: homeworkKeys.week(weekStart) })
  }
  const printWeek = async () => {
    try {
      const result = await rpc('diaryCard.printWeek', { weekStart, locale: navigator.language, confirmUnencrypted: true })
      setPrint(result.status === 'written' ? 'written' : 'idle')
    } catch {
      setPrint('failed')
    }
  }

  return (
    <div className="page homework">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      <nav className="diary-nav" aria-label={s.week(dayLabel(weekStart, 'long'))}>
        <Button variant="secondary" icon="arrowLeft" onClick={() => setWeekStart(addDays(weekStart, -7))}>
          {s.previous}
        </Button>
        <h2 className="diary-nav__title">{s.week(dayLabel(weekStart, 'long'))}</h2>
        <Button variant="secondary" onClick={() => setWeekStart(mondayOf(today()))}>
          {s.thisWeek}
        </Button>
        <Button variant="secondary" onClick={() => setWeekStart(addDays(weekStart, 7))}>
          {s.next}
        </Button>
      </nav>
      {week.isPending ? (
        <LoadingArea label={s.title} />
      ) : week.isError ? (
        <Banner tone="warning">{s.saveFailed}</Banner>
      ) : (
        <>
          <DiaryWeekTable key={`${weekStart}:${JSON.stringify(week.data.setup)}`} week={week.data} />
          <div className="diary-actions">
            <Checkbox label={s.bring} checked={week.data.bringToSession} onChange={(on) => void mark(on)} />
            <Button variant="secondary" icon="printer" onClick={() => void printWeek()}>
              {s.print}
            </Button>
            {print === 'written' ? <p role="status">{s.printed}</p> : print === 'failed' ? <Banner tone="warning">{s.printFailed}</Banner> : null}
          </div>
          <DiarySetupForm key={JSON.stringify(week.data.setup)} setup={week.data.setup} />
        </>
      )}
    </div>
  )
}
