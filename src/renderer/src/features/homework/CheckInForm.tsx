import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ANSWERS, asksForSafetyPlan, DEFINITIONS, type Questionnaire } from '../../../../shared/domain/homework/questionnaires'
import type { CheckIn } from '../../../../shared/ipc/schemas/homework'
import { Banner, Button, TextAreaField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { RadioGroup } from '../agreements/controls'
import { homeworkKeys } from './homework.queries'
import { homeworkStrings } from './homework.strings'
import { QuestionnaireSource } from './QuestionnaireSource'
import { SafetyPanel } from './SafetyPanel'

const s = homeworkStrings.checkIns
const options = ANSWERS.map((label, value) => ({ value: String(value), label }))

/** One questionnaire as published: every item, the four answers, then the score in plain words. */
export function CheckInForm({ questionnaire, onDone }: { questionnaire: Questionnaire; onDone(): void }): React.JSX.Element {
  const definition = DEFINITIONS[questionnaire]
  const queryClient = useQueryClient()
  const [answers, setAnswers] = useState<Array<number | null>>(() => definition.items.map(() => null))
  const [note, setNote] = useState('')
  const [saved, setSaved] = useState<CheckIn | null>(null)
  const [failed, setFailed] = useState(false)
  const left = answers.filter((a) => a === null).length
  const safety = asksForSafetyPlan(questionnaire, answers.map((a) => a ?? 0))

  const finish = async () => {
    if (left > 0) return
    try {
      const checkIn = await rpc('checkIns.create', { questionnaire, answers: answers as number[], takenAt: Date.now(), note })
      setSaved(checkIn)
      void queryClient.invalidateQueries({ queryKey: homeworkKeys.checkIns(questionnaire) })
    } catch {
      setFailed(true)
    }
  }

  return (
    <section className="check-in-form" aria-labelledby="check-in-title">
      <h2 id="check-in-title" tabIndex={-1}>
        {s.formTitle(definition.name)}
      </h2>
      {saved ? (
        <div className="check-in-result" role="status">
          <p className="check-in-result__score">{s.result(definition.name, saved.score, definition.max, homeworkStrings.bands[saved.band])}</p>
          <p>{s.notDiagnosis}</p>
          <Button onClick={onDone}>{s.done}</Button>
          {safety ? <SafetyPanel /> : null}
        </div>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void finish())}>
          <p className="check-in-form__stem">{definition.stem}</p>
          <ol className="check-in-form__items">
            {definition.items.map((item, i) => (
              <li key={i}>
                <RadioGroup
                  legend={`${i + 1}. ${item}`}
                  options={options}
                  value={answers[i] === null ? null : String(answers[i])}
                  onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? Number(v) : x)))}
                />
              </li>
            ))}
          </ol>
          {safety ? <SafetyPanel /> : null}
          <TextAreaField label={s.note} optional dir="auto" autoComplete="off" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          {left > 0 ? <p className="field__hint">{s.incomplete(left)}</p> : null}
          {failed ? <Banner tone="warning">{homeworkStrings.diary.saveFailed}</Banner> : null}
          <div className="check-in-form__actions">
            <Button type="submit" disabled={left > 0}>
              {s.finish}
            </Button>
            <Button variant="quiet" onClick={onDone}>
              {s.cancel}
            </Button>
          </div>
        </form>
      )}
      <QuestionnaireSource questionnaire={questionnaire} />
    </section>
  )
}
