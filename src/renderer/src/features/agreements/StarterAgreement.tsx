import { useEffect, useRef, useState } from 'react'
import type { RuleBody, WeeklyWindow } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel, Purpose, Severity } from '../../../../shared/domain/vocabulary'
import { CHANNELS } from '../../../../shared/domain/vocabulary'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, SelectField, TextAreaField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { agreementsStrings, channelLabels, dayShort, purposeLabels } from './agreements.strings'
import { addMonths, Checkbox, CheckboxGroup, fromDateInput, RadioGroup, startOfDay, toDateInput } from './controls'
import { groupAllowed } from './ParamsEditor'
import { RULE_PURPOSES, ruleSentence } from './rule-sentence'

const t = agreementsStrings.starterFlow
const e = agreementsStrings.editor
const STEPS = ['buffer', 'hours', 'channels', 'urgent', 'reply', 'away'] as const
type Step = (typeof STEPS)[number] | 'summary'
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const
const BUFFER_OPTIONS = ['0', '24', '48', '72'] as const
/** The ways offered first when the therapist has none recorded. */
const COMMON_CHANNELS: readonly ContactChannel[] = ['text', 'email', 'phone', 'portal']
const DEFAULT_WINDOW: WeeklyWindow = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }

export interface StarterAnswers {
  buffer: { hours: number; exceptUrgent: boolean } | null
  hours: { any: true } | { any: false; window: WeeklyWindow } | null
  channels: Partial<Record<Purpose, ContactChannel[]>> | null
  urgent: { purposes: Purpose[]; ownWords: string }
  reply: { amount: number; unit: 'hours' | 'business_days' } | null
  away: 'cover' | 'wait' | null
}

export const EMPTY_ANSWERS: StarterAnswers = {
  buffer: null,
  hours: null,
  channels: null,
  urgent: { purposes: ['concern', 'significant_event'], ownWords: '' },
  reply: null,
  away: null,
}

/** The rules the answers describe (one per answered question), ready for rules.create. */
export function rulesFromAnswers(a: StarterAnswers): Array<{ body: RuleBody; severity: Severity; agreementText: string }> {
  const out: Array<{ body: RuleBody; severity: Severity; agreementText: string }> = []
  const urgentWords = a.urgent.ownWords.trim()
  if (a.buffer && a.buffer.hours > 0) {
    out.push({
      body: { kind: 'buffer_after_session', params: { hours: a.buffer.hours, exemptPurposes: a.buffer.exceptUrgent ? a.urgent.purposes : [] } },
      severity: 'block',
      agreementText: a.buffer.exceptUrgent ? urgentWords : '',
    })
  }
  if (a.hours && !a.hours.any) {
    out.push({
      body: { kind: 'contact_hours', params: { windows: [a.hours.window], exemptPurposes: [], exemptChannels: [] } },
      severity: 'block',
      agreementText: '',
    })
  }
  if (a.channels) {
    const allowed = groupAllowed(new Map(Object.entries(a.channels) as Array<[Purpose, ContactChannel[]]>))
    if (allowed.length > 0) out.push({ body: { kind: 'channel_for_purpose', params: { allowed, never: [] } }, severity: 'block', agreementText: '' })
  }
  if (a.reply) {
    out.push({ body: { kind: 'response_expectation', params: { amount: a.reply.amount, unit: a.reply.unit, purposes: [] } }, severity: 'warn', agreementText: '' })
  }
  if (a.away) {
    out.push({
      body: { kind: 'therapist_away', params: { coverPurposes: a.away === 'cover' ? a.urgent.purposes : [], note: '' } },
      severity: 'block',
      agreementText: a.away === 'cover' ? urgentWords : '',
    })
  }
  return out
}

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
