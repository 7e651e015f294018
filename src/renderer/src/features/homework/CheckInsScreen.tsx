import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { CHECK_IN_CADENCES, type CheckInCadence } from '../../../../shared/domain/homework/homework-lists'
import { DEFINITIONS, QUESTIONNAIRES, type Questionnaire } from '../../../../shared/domain/homework/questionnaires'
import type { CheckIn } from '../../../../shared/ipc/schemas/homework'
import { Button, Card, SelectField } from '../../components/ui'
import { useNow } from '../../lib/use-now'
import { rpc } from '../../lib/rpc'
import { ConfirmDelete } from '../journal/ConfirmDelete'
import { formatDay } from '../timeline/format'
import { CheckInForm } from './CheckInForm'
import { takeHomeworkTarget } from './homework-focus'
import { checkInsQuery, homeworkKeys, homeworkSettingsQuery } from './homework.queries'
import { homeworkStrings } from './homework.strings'
import { QuestionnaireSource } from './QuestionnaireSource'
import { TrendChart } from './TrendChart'
import './homework.css'

const s = homeworkStrings.checkIns

function QuestionnaireCard({ questionnaire, onStart }: { questionnaire: Questionnaire; onStart(): void }): React.JSX.Element {
  const definition = DEFINITIONS[questionnaire]
  const queryClient = useQueryClient()
  const checkIns = useQuery(checkInsQuery(questionnaire))
  const settings = useQuery(homeworkSettingsQuery())
  const now = useNow()
  const [deleting, setDeleting] = useState<CheckIn | null>(null)
  const setCadence = async (cadence: CheckInCadence) => {
    if (!settings.data) return
    await rpc('homework.saveSettings', { ...settings.data, checkIns: { ...settings.data.checkIns, [questionnaire]: cadence } })
    void queryClient.invalidateQueries({ queryKey: homeworkKeys.settings() })
  }
  return (
    <Card className="questionnaire-card" title={definition.name}>
      <TrendChart name={definition.name} max={definition.max} checkIns={checkIns.data ?? []} />
      {checkIns.data && checkIns.data.length > 0 ? (
        <details>
          <summary>{s.history}</summary>
          <ul className="check-in-history">
            {checkIns.data.map((c) => (
              <li key={c.id} className="check-in-history__item">
                <span>{`${formatDay(c.takenAt, now)}: ${s.result(definition.name, c.score, definition.max, homeworkStrings.bands[c.band])}`}</span>
                <Button variant="quiet" icon="trash" aria-label={s.remove(formatDay(c.takenAt, now))} onClick={() => setDeleting(c)}>
                  {s.removeShort}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Button onClick={onStart}>{s.start(definition.name)}</Button>
      <SelectField
        label={s.cadence(definition.name)}
        value={settings.data?.checkIns[questionnaire] ?? 'off'}
        disabled={!settings.data}
        onChange={(e) => void setCadence(e.target.value as CheckInCadence)}
      >
        {CHECK_IN_CADENCES.map((c) => (
          <option key={c} value={c}>
            {s.cadences[c]}
          </option>
        ))}
      </SelectField>
      <QuestionnaireSource questionnaire={questionnaire} />
      <ConfirmDelete
        open={deleting !== null}
        title={s.removeTitle}
        body={s.removeBody}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting) await rpc('checkIns.delete', { id: deleting.id })
          setDeleting(null)
          await queryClient.invalidateQueries({ queryKey: homeworkKeys.checkIns(questionnaire) })
        }}
      />
    </Card>
  )
}

/** PHQ-9 and GAD-7: a trend for each, the form when the person wants to fill one in. */
export default function CheckInsScreen(): React.JSX.Element {
  const [filling, setFilling] = useState<Questionnaire | null>(null)
  useState(() => takeHomeworkTarget('check_in'))
  return (
    <div className="page homework">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      {filling ? (
        <CheckInForm questionnaire={filling} onDone={() => setFilling(null)} />
      ) : (
        <div className="questionnaire-cards">
          {QUESTIONNAIRES.map((q) => (
            <QuestionnaireCard key={q} questionnaire={q} onStart={() => setFilling(q)} />
          ))}
        </div>
      )}
    </div>
  )
}
