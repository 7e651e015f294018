import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { DiaryDay, DiaryWeek } from '../../../../shared/ipc/schemas/homework'
import { useAutosave } from '../../lib/autosave'
import { baseOf } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { SaveStatus } from '../journal/SaveStatus'
import { EntryHistory } from '../sync/EntryHistory'
import { localZone } from '../timeline/format'
import { dayLabel, weekDays } from './diary-week'
import { homeworkKeys } from './homework.queries'
import { homeworkStrings } from './homework.strings'

const s = homeworkStrings.diary
type DayValues = Pick<DiaryDay, 'emotions' | 'urges' | 'behaviours' | 'skills' | 'note'>
type Week = Record<string, DayValues>

const EMPTY: DayValues = { emotions: {}, urges: {}, behaviours: {}, skills: [], note: '' }
const isEmpty = (d: DayValues) =>
  Object.keys(d.emotions).length + Object.keys(d.urges).length + Object.keys(d.behaviours).length + d.skills.length === 0 && d.note === ''

const fromWeek = (week: DiaryWeek): Week =>
  Object.fromEntries(week.days.map(({ day, emotions, urges, behaviours, skills, note }) => [day, { emotions, urges, behaviours, skills, note }]))

/** A 0–5 box: empty clears the rating. */
function RatingCell({ label, value, onChange }: { label: string; value: number | undefined; onChange(v: number | undefined): void }) {
  return (
    <td>
      <input
        className="diary__rating"
        type="number"
        inputMode="numeric"
        min={0}
        max={5}
        autoComplete="off"
        aria-label={label}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value.trim()
          const n = Math.round(Number(raw))
          onChange(raw === '' || !Number.isFinite(n) ? undefined : Math.min(5, Math.max(0, n)))
        }}
      />
    </td>
  )
}

const withRating = (values: Record<string, number>, name: string, v: number | undefined) => {
  const next = { ...values }
  if (v === undefined) delete next[name]
  else next[name] = v
  return next
}

/** The week laid out like the paper card: a column a day; every box reachable with Tab. */
export function DiaryWeekTable({ week }: { week: DiaryWeek }): React.JSX.Element {
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Week>(() => fromWeek(week))
  // Each day as the card showed it (loaded, then each save): its save's base, so values a sync
  // pass wrote meanwhile stay and the day's note merges (diaryCard.saveDay's `base`).
  const saved = useRef<Record<string, string>>(Object.fromEntries(Object.entries(fromWeek(week)).map(([d, v]) => [d, JSON.stringify(v)])))
  const zone = localZone()
  const autosave = useAutosave({
    key: `diary_week:${week.weekStart}`,
    value: values,
    loaded: true,
    save: async (current) => {
      for (const [day, dayValues] of Object.entries(current)) {
        const serial = JSON.stringify(dayValues)
        if (saved.current[day] === serial || (saved.current[day] === undefined && isEmpty(dayValues))) continue
        const shown = saved.current[day] === undefined ? EMPTY : (JSON.parse(saved.current[day]) as DayValues)
        await rpc('diaryCard.saveDay', { day, timeZone: zone, ...dayValues, base: baseOf(dayValues, shown) })
        saved.current[day] = serial
      }
      void queryClient.invalidateQueries({ queryKey: ['diary_card_days'] })
      void queryClient.invalidateQueries({ queryKey: homeworkKeys.week(week.weekStart), refetchType: 'none' })
    },
  })

  const days = weekDays(week.weekStart)
  const labels = days.map((d) => dayLabel(d, 'long'))
  const update = (day: string, change: (d: DayValues) => DayValues) => setValues((w) => ({ ...w, [day]: change(w[day] ?? EMPTY) }))
  const get = (day: string) => values[day] ?? EMPTY
  const skillRows = Object.entries(week.setup.skills).flatMap(([module, skills]) => skills.map((skill) => ({ module, skill })))
  const group = (title: string) => (
    <tr className="diary__group">
      <th scope="colgroup" colSpan={8}>
        {title}
      </th>
    </tr>
  )

  return (
    <div className="diary">
      <div className="diary__status">
        <p className="field__hint">{s.hint}</p>
        <SaveStatus autosave={autosave} />
      </div>
      <div className="diary__scroll">
        <table className="diary__table">
          <thead>
            <tr>
              <td />
              {days.map((day) => (
                <th scope="col" key={day}>
                  {dayLabel(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group(s.emotions)}
            {week.setup.emotions.map((name) => (
              <tr key={`e-${name}`}>
                <th scope="row">{name}</th>
                {days.map((day, i) => (
                  <RatingCell key={day} label={s.rating(name, labels[i] ?? day)} value={get(day).emotions[name]} onChange={(v) => update(day, (d) => ({ ...d, emotions: withRating(d.emotions, name, v) }))} />
                ))}
              </tr>
            ))}
            {group(s.urges)}
            {week.setup.urges.map((name) => (
              <tr key={`u-${name}`}>
                <th scope="row">{name}</th>
                {days.map((day, i) => (
                  <RatingCell key={day} label={s.rating(name, labels[i] ?? day)} value={get(day).urges[name]} onChange={(v) => update(day, (d) => ({ ...d, urges: withRating(d.urges, name, v) }))} />
                ))}
              </tr>
            ))}
            {group(s.behaviours)}
            {week.setup.behaviours.map((name) => (
              <tr key={`b-${name}`}>
                <th scope="row">{name}</th>
                {days.map((day, i) => (
                  <td key={day}>
                    <input
                      type="checkbox"
                      aria-label={s.happened(name, labels[i] ?? day)}
                      checked={get(day).behaviours[name] === true}
                      onChange={(e) => update(day, (d) => ({ ...d, behaviours: { ...d.behaviours, [name]: e.target.checked } }))}
                    />
                  </td>
                ))}
              </tr>
            ))}
            {group(s.skills)}
            {skillRows.map(({ module, skill }) => (
              <tr key={`s-${module}-${skill}`}>
                <th scope="row">{skill}</th>
                {days.map((day, i) => (
                  <td key={day}>
                    <input
                      type="checkbox"
                      aria-label={s.skillUsed(skill, labels[i] ?? day)}
                      checked={get(day).skills.includes(skill)}
                      onChange={(e) =>
                        update(day, (d) => ({ ...d, skills: e.target.checked ? [...d.skills.filter((x) => x !== skill), skill] : d.skills.filter((x) => x !== skill) }))
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
            {group(s.note)}
            <tr>
              <th scope="row">{s.note}</th>
              {days.map((day, i) => (
                <td key={day}>
                  <textarea
                    className="diary__note"
                    dir="auto"
                    autoComplete="off"
                    aria-label={s.noteFor(labels[i] ?? day)}
                    rows={3}
                    value={get(day).note}
                    onChange={(e) => update(day, (d) => ({ ...d, note: e.target.value }))}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {week.days.map((saved) => (
        <EntryHistory key={saved.id} table="diary_card_days" id={saved.id} about={dayLabel(saved.day, 'long')} />
      ))}
    </div>
  )
}
