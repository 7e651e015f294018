import type { RuleBody, RuleBodyOf, WeeklyWindow } from '../../../../shared/domain/rules/rule-kinds'
import { CHANNELS, type ContactChannel, type Purpose } from '../../../../shared/domain/vocabulary'
import { Button, SelectField, TextAreaField, TextField } from '../../components/ui'
import { agreementsStrings, channelLabels, dayShort, purposeLabels } from './agreements.strings'
import { CheckboxGroup, RadioGroup } from './controls'
import { RULE_PURPOSES } from './rule-sentence'

const t = agreementsStrings.editor
const purposeOptions = RULE_PURPOSES.map((p) => ({ value: p, label: purposeLabels[p] }))
const channelOptions = CHANNELS.map((c) => ({ value: c, label: channelLabels[c] }))
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const

export type ParamErrors = Partial<Record<string, string>>

/** Problems the schema would refuse, said plainly, keyed by field. */
export function checkParams(body: RuleBody): ParamErrors {
  const errors: ParamErrors = {}
  const positive = (key: string, value: number) => {
    if (!Number.isFinite(value) || value <= 0) errors[key] = t.required
  }
  switch (body.kind) {
    case 'buffer_after_session':
    case 'pause_after_event':
    case 'coaching_before_not_after':
      positive('hours', body.params.hours)
      break
    case 'contact_hours':
      body.params.windows.forEach((w, i) => {
        if (w.days.length === 0) errors[`window${i}`] = t.pickOne
        else if (w.start === w.end) errors[`window${i}`] = t.windowOrder
      })
      break
    case 'channel_for_purpose':
      break
    case 'clinical_in_session':
      if (body.params.purposes.length === 0) errors.purposes = t.pickOne
      break
    case 'frequency_cap':
      positive('max', body.params.max)
      break
    case 'length_cap':
      positive('maxChars', body.params.maxChars)
      if (body.params.channels.length === 0) errors.channels = t.pickOne
      if (body.params.alternatives.length === 0) errors.alternatives = t.pickOne
      break
    case 'response_expectation':
      positive('amount', body.params.amount)
      break
    case 'wait_for_next_session':
      positive('withinDays', body.params.withinDays)
      break
    case 'journal_first':
      positive('withinHours', body.params.withinHours)
      break
    case 'therapist_away':
      break
    case 'worksheet':
      if (body.params.questions.length === 0) errors.questions = t.required
      break
    case 'custom_confirm':
      if (!body.params.prompt.trim()) errors.prompt = t.required
      break
  }
  return errors
}

const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))

function NumberInput({
  label,
  value,
  onChange,
  error,
  step = 1,
  min = 1,
}: {
  label: string
  value: number
  onChange: (n: number) => void
  error?: string | undefined
  step?: number
  min?: number
}): React.JSX.Element {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      min={min}
      step={step}
      className="field--short"
      value={Number.isFinite(value) ? String(value) : ''}
      onChange={(event) => onChange(num(event.target.value))}
      error={error}
    />
  )
}

function Purposes({
  legend,
  value,
  onChange,
  hint = t.purposesHint,
  error,
}: {
  legend: string
  value: readonly Purpose[]
  onChange: (p: Purpose[]) => void
  hint?: string | null
  error?: string | undefined
}): React.JSX.Element {
  return <CheckboxGroup legend={legend} hint={hint ?? undefined} options={purposeOptions} value={value} onChange={onChange} error={error} />
}

function Channels({
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string
  value: readonly ContactChannel[]
  onChange: (c: ContactChannel[]) => void
  error?: string | undefined
  hint?: string
}): React.JSX.Element {
  return <CheckboxGroup legend={legend} hint={hint} inline options={channelOptions} value={value} onChange={onChange} error={error} />
}

function WindowsEditor({
  windows,
  onChange,
  errors,
}: {
  windows: WeeklyWindow[]
  onChange: (w: WeeklyWindow[]) => void
  errors: ParamErrors
}): React.JSX.Element {
  const set = (i: number, patch: Partial<WeeklyWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)))
  return (
    <div className="stack">
      <p className="choice-group__legend">{t.windows}</p>
      <p className="field__hint">{t.windowsHint}</p>
      {windows.map((w, i) => (
        <fieldset key={i} className="window-row">
          <legend className="visually-hidden">{t.window(i + 1)}</legend>
          <CheckboxGroup
            legend={t.days}
            inline
            options={WEEK.map((d) => ({ value: String(d), label: dayShort[d] }))}
            value={w.days.map(String)}
            onChange={(days) => set(i, { days: days.map(Number) })}
            error={errors[`window${i}`]}
          />
          <div className="inline-fields">
            <TextField label={t.from} type="time" className="field--short" value={w.start} onChange={(e) => set(i, { start: e.target.value })} />
            <TextField label={t.to} type="time" className="field--short" value={w.end === '24:00' ? '23:59' : w.end} onChange={(e) => set(i, { end: e.target.value })} />
            {windows.length > 1 ? (
              <Button variant="quiet" icon="trash" onClick={() => onChange(windows.filter((_, j) => j !== i))}>
                {t.removeWindow(i + 1)}
              </Button>
            ) : null}
          </div>
        </fieldset>
      ))}
      <div>
        <Button icon="plus" onClick={() => onChange([...windows, { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }])}>
          {t.addWindow}
        </Button>
      </div>
    </div>
  )
}

/** channel_for_purpose as a grid: one row of channels per purpose (empty row = any way). */
function AllowedEditor({
  body,
  onChange,
}: {
  body: RuleBodyOf<'channel_for_purpose'>
  onChange: (b: RuleBodyOf<'channel_for_purpose'>) => void
}): React.JSX.Element {
  const byPurpose = new Map<Purpose, ContactChannel[]>()
  for (const entry of body.params.allowed) {
    for (const p of entry.purposes) byPurpose.set(p, [...new Set([...(byPurpose.get(p) ?? []), ...entry.channels])])
  }
  const setRow = (purpose: Purpose, channels: ContactChannel[]) => {
    const next = new Map(byPurpose)
    if (channels.length === 0) next.delete(purpose)
    else next.set(purpose, channels)
    onChange({ ...body, params: { ...body.params, allowed: groupAllowed(next) } })
  }
  return (
    <div className="stack">
      <p className="field__hint">{t.allowedHint}</p>
      {RULE_PURPOSES.map((p) => (
        <Channels key={p} legend={t.allowedFor(purposeLabels[p])} value={byPurpose.get(p) ?? []} onChange={(c) => setRow(p, c)} />
      ))}
      <Channels legend={t.never} value={body.params.never} onChange={(never) => onChange({ ...body, params: { ...body.params, never } })} />
    </div>
  )
}

/** Purposes with the same channels share one entry, in the usual purpose order. */
export function groupAllowed(byPurpose: ReadonlyMap<Purpose, readonly ContactChannel[]>) {
  const groups = new Map<string, { purposes: Purpose[]; channels: ContactChannel[] }>()
  for (const p of RULE_PURPOSES) {
    const channels = byPurpose.get(p)
    if (!channels || channels.length === 0) continue
    const ordered = CHANNELS.filter((c) => channels.includes(c))
    const key = ordered.join(',')
    const group = groups.get(key)
    if (group) group.purposes.push(p)
    else groups.set(key, { purposes: [p], channels: ordered })
  }
  return [...groups.values()]
}

/** The kind-specific part of the rule form. */
export function ParamsEditor({
  body,
  onChange,
  errors,
}: {
  body: RuleBody
  onChange: (next: RuleBody) => void
  errors: ParamErrors
}): React.JSX.Element {
  // Each branch narrows `body`; `set` keeps the kind and replaces some params.
  switch (body.kind) {
    case 'buffer_after_session': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <NumberInput label={t.hoursAfterSession} value={body.params.hours} onChange={(hours) => set({ hours })} error={errors.hours} />
          <Purposes legend={t.exemptPurposes} hint={t.exemptPurposesHint} value={body.params.exemptPurposes} onChange={(exemptPurposes) => set({ exemptPurposes })} />
        </>
      )
    }
    case 'contact_hours': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <WindowsEditor windows={body.params.windows} onChange={(windows) => set({ windows })} errors={errors} />
          <Purposes legend={t.exemptPurposes} hint={t.exemptPurposesHint} value={body.params.exemptPurposes} onChange={(exemptPurposes) => set({ exemptPurposes })} />
          <Channels legend={t.exemptChannels} value={body.params.exemptChannels} onChange={(exemptChannels) => set({ exemptChannels })} />
        </>
      )
    }
    case 'channel_for_purpose':
      return <AllowedEditor body={body} onChange={onChange} />
    case 'clinical_in_session':
      return (
        <Purposes
          legend={t.clinicalPurposes}
          hint={null}
          value={body.params.purposes}
          onChange={(purposes) => onChange({ ...body, params: { purposes } })}
          error={errors.purposes}
        />
      )
    case 'frequency_cap': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <div className="inline-fields">
            <NumberInput label={t.max} value={body.params.max} onChange={(max) => set({ max })} error={errors.max} />
            <SelectField label={t.per} className="field--short" value={body.params.period} onChange={(e) => set({ period: e.target.value as 'day' | 'week' })}>
              <option value="day">{t.period.day}</option>
              <option value="week">{t.period.week}</option>
            </SelectField>
          </div>
          <RadioGroup
            legend={t.counting}
            options={(['calendar', 'rolling'] as const).map((v) => ({ value: v, label: t.countingOptions[v] }))}
            value={body.params.counting}
            onChange={(counting) => set({ counting })}
          />
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
    case 'length_cap': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <NumberInput label={t.maxChars} value={body.params.maxChars} onChange={(maxChars) => set({ maxChars })} error={errors.maxChars} step={10} />
          <Channels legend={t.writtenChannels} value={body.params.channels} onChange={(channels) => set({ channels })} error={errors.channels} />
          <Channels legend={t.alternatives} value={body.params.alternatives} onChange={(alternatives) => set({ alternatives })} error={errors.alternatives} />
        </>
      )
    }
    case 'response_expectation': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <div className="inline-fields">
            <NumberInput label={t.amount} value={body.params.amount} onChange={(amount) => set({ amount })} error={errors.amount} step={0.5} min={0.25} />
            <SelectField label={t.unit} className="field--short" value={body.params.unit} onChange={(e) => set({ unit: e.target.value as 'hours' | 'business_days' })}>
              <option value="hours">{t.units.hours}</option>
              <option value="business_days">{t.units.business_days}</option>
            </SelectField>
          </div>
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
    case 'wait_for_next_session': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <NumberInput label={t.withinDays} value={body.params.withinDays} onChange={(withinDays) => set({ withinDays })} error={errors.withinDays} step={0.5} min={0.25} />
          <Purposes legend={t.exemptPurposes} hint={t.exemptPurposesHint} value={body.params.exemptPurposes} onChange={(exemptPurposes) => set({ exemptPurposes })} />
        </>
      )
    }
    case 'journal_first': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <NumberInput label={t.withinHours} value={body.params.withinHours} onChange={(withinHours) => set({ withinHours })} error={errors.withinHours} />
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
    case 'therapist_away': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <Purposes legend={t.coverPurposes} hint={t.coverHint} value={body.params.coverPurposes} onChange={(coverPurposes) => set({ coverPurposes })} />
          <TextField label={t.note} optional optionalText={t.optional} value={body.params.note} maxLength={500} onChange={(e) => set({ note: e.target.value })} />
        </>
      )
    }
    case 'pause_after_event':
    case 'coaching_before_not_after': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <NumberInput label={t.pauseHours} value={body.params.hours} onChange={(hours) => set({ hours })} error={errors.hours} />
          <TextAreaField label={t.alternative} rows={2} maxLength={500} value={body.params.alternative} onChange={(e) => set({ alternative: e.target.value })} />
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
    case 'worksheet': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <TextAreaField
            label={t.questions}
            rows={5}
            value={body.params.questions.join('\n')}
            onChange={(e) =>
              set({
                questions: e.target.value
                  .split('\n')
                  .map((q) => q.slice(0, 300))
                  .filter((q, i, all) => q.trim() !== '' || i === all.length - 1)
                  .slice(0, 12),
              })
            }
            error={errors.questions}
          />
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
    case 'custom_confirm': {
      const set = (p: Partial<typeof body.params>) => onChange({ ...body, params: { ...body.params, ...p } })
      return (
        <>
          <TextAreaField label={t.prompt} rows={2} maxLength={500} value={body.params.prompt} onChange={(e) => set({ prompt: e.target.value })} error={errors.prompt} />
          <Purposes legend={t.purposes} value={body.params.purposes} onChange={(purposes) => set({ purposes })} />
        </>
      )
    }
  }
}

/** Trims what the person typed so the schema accepts it (blank questions dropped). */
export function cleanBody(body: RuleBody): RuleBody {
  if (body.kind === 'worksheet') {
    return { ...body, params: { ...body.params, questions: body.params.questions.map((q) => q.trim()).filter(Boolean) } }
  }
  if (body.kind === 'contact_hours') {
    return {
      ...body,
      params: { ...body.params, windows: body.params.windows.map((w) => ({ ...w, end: w.end === '23:59' ? '24:00' : w.end })) },
    }
  }
  return body
}
