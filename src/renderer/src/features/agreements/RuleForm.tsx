import { useEffect, useRef, useState } from 'react'
import { defaultRuleBody, RULE_KINDS, type RuleBody, type RuleKind } from '../../../../shared/domain/rules/rule-kinds'
import type { RuleDto } from '../../../../shared/ipc/schemas/rules'
import { SEVERITIES, type Severity } from '../../../../shared/domain/vocabulary'
import { Banner, Button, TextAreaField, TextField } from '../../components/ui'
import { baseOf } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { agreementsStrings, kindNames, severityLabels } from './agreements.strings'
import { addMonths, fromDateInput, RadioGroup, startOfDay, toDateInput } from './controls'
import { checkParams, cleanBody, ParamsEditor } from './ParamsEditor'
import { ruleSentence } from './rule-sentence'

const t = agreementsStrings.editor

/** Severity a new rule of this kind starts with: timing and channel rules firm, the rest gentle. */
const defaultSeverity = (kind: RuleKind): Severity =>
  kind === 'response_expectation' || kind === 'length_cap' || kind === 'frequency_cap' ? 'warn' : 'block'

interface RuleFormProps {
  therapistId: string
  /** The rule to change; null to add one. */
  rule: RuleDto | null
  now: number
  onDone: (message: string) => void
  onCancel: () => void
}

/** Add (from a template per kind) or change an agreement. Shown in the page, not in a dialog. */
export function RuleForm({ therapistId, rule, now, onDone, onCancel }: RuleFormProps): React.JSX.Element {
  const [kind, setKind] = useState<RuleKind | null>(rule?.body.kind ?? null)
  const [picking, setPicking] = useState<RuleKind>(rule?.body.kind ?? 'buffer_after_session')
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [kind])

  if (kind === null) {
    return (
      <section className="card card--padded rule-form" aria-labelledby="rule-form-title">
        <h2 id="rule-form-title" ref={headingRef} tabIndex={-1} className="card__title">
          {t.addTitle}
        </h2>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault()
            setKind(picking)
          }}
        >
          <RadioGroup
            legend={t.chooseKind}
            hint={t.chooseKindIntro}
            options={RULE_KINDS.map((k) => ({ value: k, label: kindNames[k].name, hint: kindNames[k].hint }))}
            value={picking}
            onChange={setPicking}
            className="kind-picker"
          />
          <div className="button-row button-row--end">
            <Button variant="quiet" onClick={onCancel}>
              {t.cancel}
            </Button>
            <Button type="submit" variant="primary">
              {agreementsStrings.starterFlow.next}
            </Button>
          </div>
        </form>
      </section>
    )
  }
  return (
    <RuleDetails
      key={kind}
      headingRef={headingRef}
      therapistId={therapistId}
      rule={rule}
      kind={kind}
      now={now}
      onDone={onDone}
      onCancel={onCancel}
      onBack={rule ? null : () => setKind(null)}
    />
  )
}

function RuleDetails({
  headingRef,
  therapistId,
  rule,
  kind,
  now,
  onDone,
  onCancel,
  onBack,
}: RuleFormProps & { kind: RuleKind; headingRef: React.RefObject<HTMLHeadingElement | null>; onBack: (() => void) | null }): React.JSX.Element {
  const [body, setBody] = useState<RuleBody>(() => rule?.body ?? defaultRuleBody(kind))
  const [agreementText, setAgreementText] = useState(rule?.agreementText ?? '')
  const [agreedOn, setAgreedOn] = useState(toDateInput(rule ? rule.agreedOn : startOfDay(now)))
  const [reviewBy, setReviewBy] = useState(toDateInput(rule ? rule.reviewBy : addMonths(startOfDay(now), 3)))
  const [severity, setSeverity] = useState<Severity>(rule?.severity ?? defaultSeverity(kind))
  const [showErrors, setShowErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)

  const errors = checkParams(body)
  const invalid = Object.keys(errors).length > 0

  const save = async (): Promise<void> => {
    if (invalid) {
      setShowErrors(true)
      return
    }
    setBusy(true)
    setFailed(null)
    const common = {
      severity,
      agreementText: agreementText.trim(),
      agreedOn: fromDateInput(agreedOn),
      reviewBy: fromDateInput(reviewBy),
    }
    try {
      if (rule) {
        await rpc('rules.update', { id: rule.id, patch: common, body: cleanBody(body), base: { ...baseOf(common, rule), body: rule.body } })
        onDone(agreementsStrings.changed.saved)
      } else {
        await rpc('rules.create', { therapistId, ...common, active: true, body: cleanBody(body) })
        onDone(agreementsStrings.changed.added)
      }
    } catch {
      setFailed(agreementsStrings.changed.failed)
      setBusy(false)
    }
  }

  return (
    <section className="card card--padded rule-form" aria-labelledby="rule-form-title">
      <header className="rule-form__header">
        <h2 id="rule-form-title" ref={headingRef} tabIndex={-1} className="card__title">
          {rule ? t.editTitle : t.addTitle}: {kindNames[kind].name}
        </h2>
        {onBack ? (
          <Button variant="quiet" icon="arrowLeft" onClick={onBack}>
            {t.back}
          </Button>
        ) : null}
      </header>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <ParamsEditor body={body} onChange={setBody} errors={showErrors ? errors : {}} />
        <div className="rule-preview" aria-live="polite">
          <span className="rule-preview__label">{t.preview}</span> <span>{invalid ? '…' : ruleSentence(cleanBody(body))}</span>
        </div>
        <TextAreaField
          label={t.ownWords}
          hint={t.ownWordsHint}
          optional
          optionalText={t.optional}
          rows={3}
          maxLength={2000}
          value={agreementText}
          onChange={(e) => setAgreementText(e.target.value)}
        />
        <div className="inline-fields">
          <TextField label={t.agreedOn} type="date" optional optionalText={t.optional} value={agreedOn} onChange={(e) => setAgreedOn(e.target.value)} />
          <TextField
            label={t.reviewBy}
            hint={t.reviewHint}
            type="date"
            optional
            optionalText={t.optional}
            value={reviewBy}
            onChange={(e) => setReviewBy(e.target.value)}
          />
        </div>
        <RadioGroup
          legend={t.severity}
          options={SEVERITIES.map((v) => ({ value: v, label: severityLabels[v].name, hint: severityLabels[v].hint }))}
          value={severity}
          onChange={setSeverity}
        />
        {showErrors && invalid ? <Banner tone="warning">{t.invalid}</Banner> : null}
        {failed ? (
          <Banner tone="danger" urgent>
            {failed}
          </Banner>
        ) : null}
        <div className="button-row button-row--end">
          <Button variant="quiet" onClick={onCancel}>
            {t.cancel}
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t.saving}>
            {rule ? t.save : t.add}
          </Button>
        </div>
      </form>
    </section>
  )
}
