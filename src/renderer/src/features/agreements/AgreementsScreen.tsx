import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { RuleDto } from '../../../../shared/ipc/schemas/rules'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, Card, Dialog, EmptyState, LoadingArea, SelectField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { useNow } from '../../lib/use-now'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { Absences } from './Absences'
import { KeepInTouchSheet } from './KeepInTouchSheet'
import { agreementsStrings as s, severityLabels } from './agreements.strings'
import { ruleHistoryQuery, rulesQuery } from './agreements.queries'
import { addMonths, startOfDay } from './controls'
import { RuleForm } from './RuleForm'
import { ruleMeta, ruleSentence } from './rule-sentence'
import { StarterAgreement } from './StarterAgreement'
import './agreements.css'

type Mode = { name: 'list' } | { name: 'add' } | { name: 'edit'; rule: RuleDto } | { name: 'starter' }

/** The agreements page: the rules agreed with each therapist, in plain sentences. */
export default function AgreementsScreen(): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const [chosen, setChosen] = useState<string | null>(null)

  let body: React.JSX.Element
  if (therapists.isPending) body = <LoadingArea label={s.title} />
  else if (therapists.isError) body = <Banner tone="danger">{s.loadFailed}</Banner>
  else if (therapists.data.length === 0)
    body = (
      <Card>
        <EmptyState title={s.noTherapist.title}>
          <p>{s.noTherapist.body}</p>
        </EmptyState>
      </Card>
    )
  else {
    const therapist = therapists.data.find((x) => x.id === chosen) ?? (therapists.data[0] as Therapist)
    body = (
      <>
        {therapists.data.length > 1 ? (
          <SelectField label={s.therapist} value={therapist.id} onChange={(e) => setChosen(e.target.value)} className="field--medium">
            {therapists.data.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TherapistAgreements key={therapist.id} therapist={therapist} />
      </>
    )
  }

  return (
    <div className="page agreements">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      {body}
    </div>
  )
}

function TherapistAgreements({ therapist }: { therapist: Therapist }): React.JSX.Element {
  const now = useNow()
  const rules = useQuery(rulesQuery(therapist.id))
  const [mode, setMode] = useState<Mode>({ name: 'list' })
  const [message, setMessage] = useState('')
  const [showRetired, setShowRetired] = useState(false)
  const [historyOf, setHistoryOf] = useState<RuleDto | null>(null)
  const [deleting, setDeleting] = useState<RuleDto | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  const listHeading = useRef<HTMLHeadingElement>(null)

  const open = (next: Mode) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setMessage('')
    setMode(next)
  }
  const back = (said = '') => {
    setMode({ name: 'list' })
    setMessage(said)
  }
  // Back in the list, focus goes where it was, or to the list's heading.
  useEffect(() => {
    if (mode.name !== 'list') return
    const target = returnFocus.current
    if (target && document.contains(target)) target.focus()
    else listHeading.current?.focus()
    returnFocus.current = null
  }, [mode])

  const change = async (rule: RuleDto, patch: { active?: boolean; retire?: boolean; reviewBy?: number | null }, said: string) => {
    try {
      await rpc('rules.update', updateSince(rule.id, patch, rule))
      setMessage(said)
    } catch {
      setMessage(s.changed.failed)
    }
  }

  if (mode.name === 'add' || mode.name === 'edit') {
    return (
      <RuleForm
        therapistId={therapist.id}
        rule={mode.name === 'edit' ? mode.rule : null}
        now={now}
        onDone={(said) => back(said)}
        onCancel={() => back()}
      />
    )
  }
  if (mode.name === 'starter') {
    return <StarterAgreement therapist={therapist} now={now} onDone={(said) => back(said)} onCancel={() => back()} />
  }

  if (rules.isPending) return <LoadingArea label={s.title} />
  if (rules.isError)
    return (
      <Banner tone="danger" action={<Button onClick={() => void rules.refetch()}>{s.retry}</Button>}>
        {s.loadFailed}
      </Banner>
    )

  const current = rules.data.filter((r) => r.retiredAt === null)
  const retired = rules.data.filter((r) => r.retiredAt !== null)
  const due = current.filter((r) => r.active && r.reviewBy !== null && r.reviewBy <= now)

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message ? (
        <Banner tone={message === s.changed.failed ? 'danger' : 'success'} className="agreements__message">
          {message}
        </Banner>
      ) : null}

      {due.length > 0 ? (
        <section className="card card--padded reviews" aria-labelledby="reviews-title">
          <h2 id="reviews-title" className="card__title">
            {s.reviews.title}
          </h2>
          <p className="muted">{s.reviews.intro}</p>
          <ul className="rule-list">
            {due.map((rule) => (
              <li key={rule.id} className="rule">
                <RuleText rule={rule} now={now} />
                <div className="rule__actions">
                  <Button
                    variant="primary"
                    icon="check"
                    title={s.reviews.keepHint}
                    onClick={() => void change(rule, { reviewBy: addMonths(startOfDay(now), 3) }, s.changed.reviewed)}
                  >
                    {s.reviews.keep}
                  </Button>
                  <Button onClick={() => open({ name: 'edit', rule })}>{s.reviews.edit}</Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card card--padded" aria-labelledby="agreements-list-title">
        <header className="card__header">
          <h2 id="agreements-list-title" className="card__title" ref={listHeading} tabIndex={-1}>
            {s.forTherapist(therapist.name)}
          </h2>
          <div className="card__actions">
            <Button onClick={() => open({ name: 'starter' })}>{s.starter}</Button>
            <Button variant="primary" icon="plus" onClick={() => open({ name: 'add' })}>
              {s.add}
            </Button>
          </div>
        </header>
        {current.length === 0 ? (
          <EmptyState level={3} title={s.empty.title}>
            <p>{s.empty.body}</p>
          </EmptyState>
        ) : (
          <ul className="rule-list">
            {current.map((rule) => {
              const sentence = ruleSentence(rule.body)
              return (
                <li key={rule.id} className={['rule', rule.active ? '' : 'rule--paused'].join(' ')}>
                  <RuleText rule={rule} now={now} />
                  <div className="rule__actions">
                    <Button variant="quiet" onClick={() => open({ name: 'edit', rule })}>
                      {s.actions.edit}
                      <span className="visually-hidden">: {sentence}</span>
                    </Button>
                    <Button
                      variant="quiet"
                      onClick={() => void change(rule, { active: !rule.active }, rule.active ? s.changed.paused : s.changed.resumed)}
                    >
                      {rule.active ? s.actions.pause : s.actions.resume}
                      <span className="visually-hidden">: {sentence}</span>
                    </Button>
                    <Button variant="quiet" onClick={() => void change(rule, { retire: true }, s.changed.retired)}>
                      {s.actions.retire}
                      <span className="visually-hidden">: {sentence}</span>
                    </Button>
                    <Button variant="quiet" onClick={() => setHistoryOf(rule)}>
                      {s.actions.history}
                      <span className="visually-hidden">: {sentence}</span>
                    </Button>
                  </div>
                </li>
              )
            })}
          </ul>
        )}
        {current.some((r) => !r.active) ? <p className="muted small">{s.pausedNote}</p> : null}
        {retired.length > 0 ? (
          <div className="retired">
            <Button variant="quiet" aria-expanded={showRetired} onClick={() => setShowRetired((v) => !v)}>
              {showRetired ? s.hideRetired : s.showRetired(retired.length)}
            </Button>
            {showRetired ? (
              <div className="stack stack--sm">
                <h3>{s.retiredTitle}</h3>
                <p className="muted small">{s.retiredIntro}</p>
                <ul className="rule-list">
                  {retired.map((rule) => {
                    const sentence = ruleSentence(rule.body)
                    return (
                      <li key={rule.id} className="rule rule--retired">
                        <RuleText rule={rule} now={now} />
                        <div className="rule__actions">
                          <Button variant="quiet" onClick={() => void change(rule, { retire: false }, s.changed.restored)}>
                            {s.actions.restore}
                            <span className="visually-hidden">: {sentence}</span>
                          </Button>
                          <Button variant="quiet" onClick={() => setHistoryOf(rule)}>
                            {s.actions.history}
                            <span className="visually-hidden">: {sentence}</span>
                          </Button>
                          <Button variant="quiet" icon="trash" onClick={() => setDeleting(rule)}>
                            {s.actions.delete}
                            <span className="visually-hidden">: {sentence}</span>
                          </Button>
                        </div>
                      </li>
                    )
                  })}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>

      <KeepInTouchSheet therapistId={therapist.id} />
      <Absences therapist={therapist} hasAwayRule={current.some((r) => r.active && r.body.kind === 'therapist_away')} now={now} onAddRule={() => open({ name: 'add' })} />

      <HistoryDialog rule={historyOf} now={now} onClose={() => setHistoryOf(null)} />
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        role="alertdialog"
        title={s.deleteConfirm.title}
        description={s.deleteConfirm.body}
        closeLabel={s.deleteConfirm.cancel}
        actions={
          <>
            <Button variant="quiet" onClick={() => setDeleting(null)}>
              {s.deleteConfirm.cancel}
            </Button>
            <Button
              variant="danger"
              onClick={async () => {
                const rule = deleting
                setDeleting(null)
                if (!rule) return
                try {
                  await rpc('rules.delete', { id: rule.id })
                  setMessage(s.changed.deleted)
                } catch {
                  setMessage(s.changed.failed)
                }
              }}
            >
              {s.deleteConfirm.confirm}
            </Button>
          </>
        }
      />
    </>
  )
}

function RuleText({ rule, now }: { rule: RuleDto; now: number }): React.JSX.Element {
  const meta = ruleMeta(rule, now)
  return (
    <div className="rule__text">
      <p className="rule__sentence">
        {ruleSentence(rule.body)}
        {meta ? <span className="rule__meta"> — {meta}</span> : null}
      </p>
      {rule.agreementText.trim() ? <blockquote className="rule__words" dir="auto">{rule.agreementText.trim()}</blockquote> : null}
      <p className="rule__tags">
        {rule.retiredAt !== null ? (
          <span className="tag">{s.status.retired}</span>
        ) : !rule.active ? (
          <span className="tag tag--muted">{s.status.paused}</span>
        ) : (
          <span className={`tag tag--${rule.severity}`}>{severityLabels[rule.severity].name}</span>
        )}
      </p>
    </div>
  )
}

function HistoryDialog({ rule, now, onClose }: { rule: RuleDto | null; now: number; onClose: () => void }): React.JSX.Element {
  const history = useQuery({ ...ruleHistoryQuery(rule?.id ?? ''), enabled: rule !== null })
  const when = (ms: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(ms)
  return (
    <Dialog open={rule !== null} onClose={onClose} title={s.history.title} closeLabel={s.history.close}>
      {history.isPending ? null : history.isError ? (
        <Banner tone="danger">{s.history.loadFailed}</Banner>
      ) : (
        <ol className="history" reversed>
          {[...history.data].reverse().map((version) => (
            <li key={version.version} className="history__item">
              <p className="history__title">
                <strong>{s.history.version(version.version)}</strong>{' '}
                <span className="muted">
                  {s.history.changedAt(when(version.changedAt))} ·{' '}
                  {version.retiredAt !== null ? s.history.states.retired : version.active ? s.history.states.active : s.history.states.paused}
                </span>
              </p>
              <p>{ruleSentence(version.body)}</p>
              {ruleMeta(version, now) ? <p className="muted small">{ruleMeta(version, now)}</p> : null}
              {version.agreementText.trim() ? <blockquote className="rule__words" dir="auto">{version.agreementText.trim()}</blockquote> : null}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  )
}
