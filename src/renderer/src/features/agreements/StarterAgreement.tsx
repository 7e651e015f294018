import { useEffect, useRef, useState } from 'react'
import type { WeeklyWindow } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel } from '../../../../shared/domain/vocabulary'
import { CHANNELS } from '../../../../shared/domain/vocabulary'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, SelectField, TextAreaField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { agreementsStrings, channelLabels, dayShort, purposeLabels } from './agreements.strings'
import { addMonths, Checkbox, CheckboxGroup, fromDateInput, RadioGroup, startOfDay, toDateInput } from './controls'
import { RULE_PURPOSES, ruleSentence } from './rule-sentence'
import { EMPTY_ANSWERS, rulesFromAnswers, starterAnswerWords, type StarterAnswers } from './starter-answers'

const t = agreementsStrings.starterFlow
const e = agreementsStrings.editor
const STEPS = ['buffer', 'hours', 'channels', 'urgent', 'reply', 'away'] as const
type Step = (typeof STEPS)[number] | 'summary'
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const
const BUFFER_OPTIONS = ['0', '24', '48', '72'] as const
/** The ways offered first when the therapist has none recorded. */
const COMMON_CHANNELS: readonly ContactChannel[] = ['text', 'email', 'phone', 'portal']
const DEFAULT_WINDOW: WeeklyWindow = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }

/** "The common questions": a short walk through what people usually agree, turned into rules. */
export function StarterAgreement({
  therapist,
  now,
  onDone,
  onCancel,
}: {
  therapist: Therapist
  now: number
  onDone: (message: string) => void
  onCancel: () => void
}): React.JSX.Element {
  const [step, setStep] = useState<Step>('buffer')
  const [answers, setAnswers] = useState<StarterAnswers>(EMPTY_ANSWERS)
  const [allChannels, setAllChannels] = useState(false)
  const [agreedOn, setAgreedOn] = useState(toDateInput(startOfDay(now)))
  const [reviewBy, setReviewBy] = useState(toDateInput(addMonths(startOfDay(now), 3)))
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const index = step === 'summary' ? STEPS.length : STEPS.indexOf(step)

  useEffect(() => {
    headingRef.current?.focus()
  }, [step])

  const set = <K extends keyof StarterAnswers>(key: K, value: StarterAnswers[K]) => setAnswers((a) => ({ ...a, [key]: value }))
  const go = (delta: number) => setStep(index + delta >= STEPS.length ? 'summary' : (STEPS[Math.max(0, index + delta)] as Step))
  const skip = () => {
    if (step === 'buffer' || step === 'hours' || step === 'channels' || step === 'reply' || step === 'away') set(step, null)
    go(1)
  }
  const recorded = therapist.channels.map((c) => c.channel)
  const channelChoices = CHANNELS.filter((c) => recorded.includes(c) || c !== 'social')
  // Quiet by default: the ways recorded for the therapist (or the common four), the rest on request.
  const usual = recorded.length > 0 ? recorded : COMMON_CHANNELS
  const channelsShown = (ticked: readonly ContactChannel[]) => (allChannels ? channelChoices : channelChoices.filter((c) => usual.includes(c) || ticked.includes(c)))
  const rules = rulesFromAnswers(answers)

  const finish = async () => {
    setBusy(true)
    setFailed(false)
    const common = { agreedOn: fromDateInput(agreedOn), reviewBy: fromDateInput(reviewBy), active: true }
    try {
      // The answers first, in words, for the "How we keep in touch" sheet; then the agreements.
      await rpc('starterAnswers.save', { therapistId: therapist.id, answers: starterAnswerWords(answers) })
      for (const rule of rules) await rpc('rules.create', { therapistId: therapist.id, ...common, ...rule })
      onDone(t.added(rules.length))
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  let content: React.JSX.Element
  let title: string
  switch (step) {
    case 'buffer': {
      title = t.buffer.title
      const value = answers.buffer ? String(answers.buffer.hours) : null
      content = (
        <>
          <RadioGroup
            legend={title}
            hideLegend
            options={BUFFER_OPTIONS.map((v) => ({ value: v, label: t.buffer.options[v] }))}
            value={value as (typeof BUFFER_OPTIONS)[number] | null}
            onChange={(v) => set('buffer', { hours: Number(v), exceptUrgent: answers.buffer?.exceptUrgent ?? true })}
          />
          {answers.buffer && answers.buffer.hours > 0 ? (
            <Checkbox label={t.buffer.exceptUrgent} checked={answers.buffer.exceptUrgent} onChange={(exceptUrgent) => set('buffer', { hours: answers.buffer?.hours ?? 48, exceptUrgent })} />
          ) : null}
        </>
      )
      break
    }
    case 'hours': {
      title = t.hours.title
      const hours = answers.hours
      const window = hours && !hours.any ? hours.window : DEFAULT_WINDOW
      content = (
        <>
          <Checkbox label={t.hours.any} checked={hours?.any === true} onChange={(any) => set('hours', any ? { any: true } : { any: false, window })} />
          {hours?.any ? null : (
            <>
              <CheckboxGroup
                legend={e.days}
                inline
                options={WEEK.map((d) => ({ value: String(d), label: dayShort[d] }))}
                value={window.days.map(String)}
                onChange={(days) => set('hours', { any: false, window: { ...window, days: days.map(Number) } })}
              />
              <div className="inline-fields">
                <TextField label={e.from} type="time" className="field--short" value={window.start} onChange={(ev) => set('hours', { any: false, window: { ...window, start: ev.target.value } })} />
                <TextField label={e.to} type="time" className="field--short" value={window.end} onChange={(ev) => set('hours', { any: false, window: { ...window, end: ev.target.value } })} />
              </div>
              <p className="field__hint">{e.windowsHint}</p>
            </>
          )}
        </>
      )
      break
    }
    case 'channels': {
      title = t.channels.title
      const rows = answers.channels ?? {}
      content = (
        <>
          <p className="muted">{t.channels.intro}</p>
          {(['scheduling', 'admin', 'update', 'concern'] as const).map((p) => (
            <CheckboxGroup
              key={p}
              legend={purposeLabels[p]}
              inline
              options={channelsShown(rows[p] ?? []).map((c) => ({ value: c, label: channelLabels[c] }))}
              value={rows[p] ?? []}
              onChange={(channels) => {
                const next = { ...rows, [p]: channels }
                // Questions go the same way as updates; significant events the same way as concerns.
                if (p === 'update') next.question = channels
                if (p === 'concern') next.significant_event = channels
                set('channels', next)
              }}
            />
          ))}
          {channelChoices.length > usual.length ? (
            <div>
              <Button variant="quiet" aria-expanded={allChannels} onClick={() => setAllChannels((x) => !x)}>
                {allChannels ? t.channels.fewer : t.channels.all}
              </Button>
            </div>
          ) : null}
        </>
      )
      break
    }
    case 'urgent':
      title = t.urgent.title
      content = (
        <>
          <CheckboxGroup
            legend={title}
            hideLegend
            hint={t.urgent.intro}
            options={RULE_PURPOSES.map((p) => ({ value: p, label: purposeLabels[p] }))}
            value={answers.urgent.purposes}
            onChange={(purposes) => set('urgent', { ...answers.urgent, purposes })}
          />
          <TextAreaField
            label={t.urgent.ownWords}
            hint={t.urgent.ownWordsHint}
            optional
            optionalText={e.optional}
            rows={2}
            maxLength={2000}
            value={answers.urgent.ownWords}
            onChange={(ev) => set('urgent', { ...answers.urgent, ownWords: ev.target.value })}
          />
        </>
      )
      break
    case 'reply': {
      title = t.reply.title
      const reply = answers.reply ?? { amount: 2, unit: 'business_days' as const }
      content = (
        <>
          <Checkbox label={t.reply.none} checked={answers.reply === null} onChange={(none) => set('reply', none ? null : reply)} />
          {answers.reply ? (
            <div className="inline-fields">
              <TextField
                label={e.amount}
                type="number"
                min={0.25}
                step={0.5}
                className="field--short"
                value={String(answers.reply.amount)}
                onChange={(ev) => set('reply', { ...reply, amount: Number(ev.target.value) || 1 })}
              />
              <SelectField label={e.unit} className="field--short" value={answers.reply.unit} onChange={(ev) => set('reply', { ...reply, unit: ev.target.value as 'hours' | 'business_days' })}>
                <option value="hours">{e.units.hours}</option>
                <option value="business_days">{e.units.business_days}</option>
              </SelectField>
            </div>
          ) : null}
        </>
      )
      break
    }
    case 'away':
      title = t.away.title
      content = (
        <RadioGroup
          legend={title}
          hideLegend
          options={[
            { value: 'cover' as const, label: t.away.cover },
            { value: 'wait' as const, label: t.away.wait },
          ]}
          value={answers.away}
          onChange={(away) => set('away', away)}
        />
      )
      break
    case 'summary':
      title = t.summary.title
      content = (
        <>
          <p className="muted">{t.summary.intro}</p>
          <p className="muted small">{t.answersKept}</p>
          {rules.length === 0 ? (
            <Banner tone="info">{t.summary.none}</Banner>
          ) : (
            <ul className="rule-list rule-list--compact">
              {rules.map((rule, i) => (
                <li key={i} className="rule">
                  <p className="rule__sentence">{ruleSentence(rule.body)}</p>
                </li>
              ))}
            </ul>
          )}
          <div className="inline-fields">
            <TextField label={t.summary.agreedOn} type="date" value={agreedOn} onChange={(ev) => setAgreedOn(ev.target.value)} />
            <TextField label={t.summary.reviewBy} type="date" value={reviewBy} onChange={(ev) => setReviewBy(ev.target.value)} />
          </div>
          {failed ? (
            <Banner tone="danger" urgent>
              {t.failed}
            </Banner>
          ) : null}
        </>
      )
      break
  }

  return (
    <section className="card card--padded starter" aria-labelledby="starter-title">
      <header className="rule-form__header">
        <div>
          <p className="starter__step muted">{step === 'summary' ? t.title : t.step(index + 1, STEPS.length)}</p>
          <h2 id="starter-title" ref={headingRef} tabIndex={-1} className="card__title">
            {title}
          </h2>
        </div>
        <Button variant="quiet" onClick={onCancel}>
          {t.close}
        </Button>
      </header>
      {step === 'buffer' ? <p className="muted">{t.intro}</p> : null}
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault()
          if (step === 'summary') void finish()
          else {
            // The hours shown are the answer unless the person skips the question.
            if (step === 'hours' && answers.hours === null) set('hours', { any: false, window: DEFAULT_WINDOW })
            go(1)
          }
        }}
      >
        {content}
        {step !== 'summary' && step !== 'urgent' ? <p className="muted small">{t.ask}</p> : null}
        <div className="button-row button-row--split">
          <Button variant="quiet" icon="arrowLeft" onClick={() => go(-1)} disabled={index === 0}>
            {t.back}
          </Button>
          <div className="button-row">
            {step !== 'summary' && step !== 'urgent' ? (
              <Button variant="quiet" onClick={skip}>
                {t.skip}
              </Button>
            ) : null}
            {step === 'summary' ? (
              <Button type="submit" variant="primary" busy={busy} busyLabel={t.finishing} disabled={rules.length === 0}>
                {t.finish}
              </Button>
            ) : (
              <Button type="submit" variant="primary">
                {t.next}
              </Button>
            )}
          </div>
        </div>
      </form>
    </section>
  )
}
