import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ContactCheckResult, RuleLine } from '../../../../shared/domain/contact-check'
import type { Rule } from '../../../../shared/domain/rules/rule-kinds'
import { CHANNELS, type ContactChannel, type Purpose } from '../../../../shared/domain/vocabulary'
import type { RuleDto } from '../../../../shared/ipc/schemas/rules'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, Card, Dialog, EmptyState, LoadingArea, SelectField, Spinner, TextAreaField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { useNow } from '../../lib/use-now'
import { useNavigation } from '../../app/navigation'
import { rulesQuery } from '../agreements/agreements.queries'
import { Checkbox, RadioGroup } from '../agreements/controls'
import { RULE_PURPOSES } from '../agreements/rule-sentence'
import { CrisisView } from '../crisis-plan/CrisisView'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { channelLabels, contactStrings as s, kindNames, purposeLabels } from './contact.strings'
import { contactCheckQuery } from './contact.queries'
import { useDebounced } from './use-debounced'
import './contact.css'

const WRITTEN: readonly ContactChannel[] = ['text', 'email', 'portal', 'social']
const MAX_URL = 2000

/** "on Thursday at 09:00" style, in the person's zone and locale. */
export function whenText(ms: number, now: number): string {
  const days = (ms - now) / 86_400_000
  const options: Intl.DateTimeFormatOptions =
    days < 6 ? { weekday: 'long', hour: '2-digit', minute: '2-digit' } : { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }
  return `on ${new Intl.DateTimeFormat(undefined, options).format(ms)}`
}

const personZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
/** The clock, read only in event handlers. */
const currentTime = () => Date.now()

/**
 * "Ready to contact?": what it is about, how, and an optional draft. The check runs in the core
 * (contactCheck.evaluate) on every change: purpose and channel at once, typing after a short
 * pause. The previous answer stays on screen while the next one comes, so typing never waits.
 */
export default function ContactScreen(): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const [crisisOpen, setCrisisOpen] = useState(false)
  const [chosen, setChosen] = useState<string | null>(null)
  const navigation = useNavigation()

  const therapist = therapists.data?.find((t) => t.id === chosen) ?? therapists.data?.[0] ?? null

  return (
    <div className="page contact">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      <div className="crisis-entry">
        <Button size="lg" className="crisis-entry__button" onClick={() => setCrisisOpen(true)} aria-describedby="crisis-entry-hint">
          {s.crisis.button}
        </Button>
        <span id="crisis-entry-hint" className="muted small">
          {s.crisis.hint}
        </span>
      </div>
      <CrisisView open={crisisOpen} onClose={() => setCrisisOpen(false)} onEditPlan={() => navigation.navigate('crisis-plan')} />
      {therapists.isPending ? (
        <LoadingArea label={s.checking} />
      ) : therapist === null ? (
        <Card>
          <EmptyState title={s.noTherapist.title}>
            <p>{s.noTherapist.body}</p>
          </EmptyState>
        </Card>
      ) : (
        <>
          {therapists.data && therapists.data.length > 1 ? (
            <SelectField label={s.therapist} className="field--medium" value={therapist.id} onChange={(e) => setChosen(e.target.value)}>
              {therapists.data.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <ContactFlow key={therapist.id} therapist={therapist} />
        </>
      )}
    </div>
  )
}

function ContactFlow({ therapist }: { therapist: Therapist }): React.JSX.Element {
  const now = useNow(30_000)
  const queryClient = useQueryClient()
  const navigation = useNavigation()
  const rules = useQuery(rulesQuery(therapist.id))
  const recorded = therapist.channels
  const [purpose, setPurpose] = useState<Purpose | null>(null)
  const [channel, setChannel] = useState<ContactChannel>(recorded[0]?.channel ?? 'email')
  const [draft, setDraft] = useState('')
  const [confirmed, setConfirmed] = useState<string[]>([])
  const [anyway, setAnyway] = useState(false)
  const [done, setDone] = useState<{ text: string; tone: 'success' | 'danger' | 'info'; logAfterOpen?: boolean; toPrep?: boolean } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [replyOpen, setReplyOpen] = useState(false)
  const doneRef = useRef<HTMLDivElement>(null)

  const settledDraft = useDebounced(draft, 250)
  const input = useMemo(
    () => ({
      therapistId: therapist.id,
      request: {
        purpose: purpose ?? 'update',
        channel,
        ...(settledDraft.trim() ? { draftText: settledDraft } : {}),
        confirmedItems: [...confirmed].sort(),
      },
      personZone: personZone(),
      locale: navigator.language || 'en-GB',
    }),
    [therapist.id, purpose, channel, settledDraft, confirmed],
  )
  const check = useQuery(contactCheckQuery(input, Math.floor(now / 60_000), purpose !== null))
  const result = purpose !== null ? check.data : undefined

  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  const reset = () => {
    setDraft('')
    setConfirmed([])
    setAnyway(false)
  }

  const address = (c: ContactChannel) => recorded.find((r) => r.channel === c)?.address.trim() ?? ''

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key)
    setDone(null)
    try {
      await work()
    } catch {
      setDone({ text: s.done.failed, tone: 'danger' })
    } finally {
      setBusy(null)
    }
  }

  const logSent = (overrides: string[], summary = draft) =>
    rpc('contacts.create', {
      therapistId: therapist.id,
      direction: 'sent',
      channel,
      purpose: purpose ?? 'update',
      at: currentTime(),
      summary: summary.trim(),
      overriddenRuleIds: overrides,
    })

  const copy = async (text: string): Promise<boolean> => {
    try {
      await rpc('clipboard.write', { text })
      return true
    } catch {
      return false
    }
  }

  const copyAndLog = (overrides: string[]) =>
    run('copy', async () => {
      const copied = await copy(draft.trim())
      await logSent(overrides)
      reset()
      setDone(copied ? { text: s.done.copied, tone: 'success' } : { text: `${s.done.logged} ${s.done.copyFailed}`, tone: 'info' })
    })

  const logOnly = (overrides: string[]) =>
    run('log', async () => {
      await logSent(overrides)
      reset()
      setDone({ text: s.done.logged, tone: 'success' })
    })

  const openInApp = (overrides: string[]) =>
    run('open', async () => {
      const to = address(channel)
      const body = draft.trim()
      const query = body ? `?body=${encodeURIComponent(body)}` : ''
      const base = channel === 'email' ? `mailto:${to}` : `sms:${to.replace(/[^0-9+]/g, '')}`
      let url = base + query
      let long = false
      if (url.length > MAX_URL) {
        url = base
        long = true
        await copy(body)
      }
      const { opened } = await rpc('shell.openExternal', { url })
      if (!opened) {
        await copy(body)
        setDone({ text: s.done.notOpened, tone: 'info' })
        return
      }
      pendingOverrides.current = overrides
      setDone({ text: long ? s.done.openedLong(channel) : s.done.opened(channel), tone: 'info', logAfterOpen: true })
    })
  const pendingOverrides = useRef<string[]>([])

  const saveDraft = (remindAt: number | null) =>
    run('draft', async () => {
      await rpc('drafts.create', { therapistId: therapist.id, body: draft.trim(), purpose: purpose ?? 'update', channel, remindAt })
      reset()
      setDone({ text: remindAt ? s.done.draftRemind(whenText(remindAt, currentTime())) : s.done.draftSaved, tone: 'success' })
    })

  const toTalkingPoint = (targetSessionId: string | null) =>
    run('point', async () => {
      const text = draft.trim()
      const source = text ? await rpc('drafts.create', { therapistId: therapist.id, body: text, purpose: purpose ?? 'update', channel, remindAt: null }) : null
      const open = await rpc('talkingPoints.list', { status: 'open', targetSessionId: null })
      const position = open.reduce((max, p) => Math.max(max, p.position), -1) + 1
      await rpc('talkingPoints.create', {
        text: (text || s.talkingPointFallback(purposeLabels[purpose ?? 'update'])).slice(0, 5000),
        priority: 'normal',
        position,
        targetSessionId,
        sourceReflectionId: null,
        sourceDraftId: source?.id ?? null,
        status: 'open',
      })
      await queryClient.invalidateQueries({ queryKey: ['talking_points'] })
      reset()
      setDone({ text: s.done.talkingPoint, tone: 'success', toPrep: true })
    })

  const confirmItems = confirmRules(rules.data ?? [], purpose)
  const lineFor = (id: string) => result?.lines.find((l) => l.ruleId === id)
  const visibleConfirms = confirmItems.filter((r) => confirmed.includes(r.id) || (lineFor(r.id) && lineFor(r.id)?.status !== 'pass'))

  const sendActions = (overrides: string[]) => {
    const written = WRITTEN.includes(channel)
    const canOpen = (channel === 'email' || channel === 'text') && address(channel) !== ''
    return (
      <>
        {written && draft.trim() ? (
          <Button variant={overrides.length ? 'secondary' : 'primary'} icon="copy" busy={busy === 'copy'} onClick={() => void copyAndLog(overrides)}>
            {s.actions.copyAndLog}
          </Button>
        ) : null}
        {canOpen ? (
          <Button busy={busy === 'open'} onClick={() => void openInApp(overrides)}>
            {s.actions.openIn(channel)}
          </Button>
        ) : null}
        {!written || !draft.trim() ? (
          <Button variant={overrides.length || written ? 'secondary' : 'primary'} busy={busy === 'log'} onClick={() => void logOnly(overrides)}>
            {s.actions.logOnly(channel)}
          </Button>
        ) : null}
      </>
    )
  }

  const verdict = result?.verdict
  const overridable = result?.overridableRuleIds ?? []
  const overriddenNames = overridable
    .map((id) => result?.lines.find((l) => l.ruleId === id))
    .filter((l): l is RuleLine => l !== undefined)
    .map((l) => kindNames[l.kind].name.toLowerCase())

  return (
    <div className="contact-flow">
      <form className="form contact-form" onSubmit={(e) => e.preventDefault()}>
        <RadioGroup
          legend={s.purpose}
          options={RULE_PURPOSES.map((p) => ({ value: p, label: purposeLabels[p], hint: s.purposeHints[p] }))}
          value={purpose}
          onChange={(p) => {
            setPurpose(p)
            setConfirmed([])
            setAnyway(false)
          }}
          className="purpose-picker"
        />
        <RadioGroup
          legend={s.channel}
          options={orderedChannels(recorded.map((r) => r.channel)).map((c) => ({
            value: c,
            label: channelLabels[c],
            hint: address(c) ? s.recorded(address(c)) : undefined,
          }))}
          value={channel}
          onChange={(c) => {
            setChannel(c)
            setAnyway(false)
          }}
          className="channel-picker"
        />
        <div>
          <TextAreaField
            label={s.draft}
            hint={s.draftHint}
            optional
            optionalText={s.optional}
            rows={5}
            value={draft}
            maxLength={200_000}
            onChange={(e) => setDraft(e.target.value)}
          />
          <p className="muted small contact-form__count">{s.characters([...draft.trim()].length)}</p>
        </div>
      </form>

      <section className="card card--padded check" aria-labelledby="check-title">
        <h2 id="check-title" className="card__title">
          {s.verdictTitle}
        </h2>
        {purpose === null ? (
          <p className="muted">{s.choosePurpose}</p>
        ) : !result ? (
          check.isError ? (
            <Banner tone="warning" action={<Button onClick={() => void check.refetch()}>{s.retry}</Button>}>
              {s.checkFailed}
            </Banner>
          ) : (
            <Spinner label={s.checking} />
          )
        ) : (
          <CheckResult
            result={result}
            now={now}
            busy={busy}
            onSwitch={(c) => setChannel(c)}
            onRemind={(at) => void saveDraft(at)}
            onTalkingPoint={(sessionId) => void toTalkingPoint(sessionId)}
            onCopyCovering={(text) => void copy(text)}
          />
        )}

        {visibleConfirms.length > 0 ? (
          <fieldset className="choice-group confirm-list">
            <legend className="choice-group__legend">{s.confirmTitle}</legend>
            {visibleConfirms.map((rule) => (
              <Checkbox
                key={rule.id}
                label={confirmLabel(rule)}
                hint={rule.body.kind === 'worksheet' ? rule.body.params.questions.join(' ') : undefined}
                checked={confirmed.includes(rule.id)}
                onChange={(on) => setConfirmed((list) => (on ? [...list, rule.id] : list.filter((id) => id !== rule.id)))}
              />
            ))}
          </fieldset>
        ) : null}

        {result && result.lines.length > 0 ? (
          <div className="check-lines">
            <h3>{s.linesTitle}</h3>
            <ul className="check-lines__list">
              {result.lines.map((line) => (
                <li key={line.ruleId} className={`check-line check-line--${line.status}`}>
                  <span className={`check-line__status tag tag--${line.status}`}>{s.lineStatus[line.status]}</span>
                  <div>
                    <p className="check-line__kind">{kindNames[line.kind].name}</p>
                    <p className="check-line__message">{line.message}</p>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ) : result ? (
          <p className="muted small">{s.noRules}</p>
        ) : null}
      </section>

      {purpose !== null ? (
        <section className="card card--padded actions" aria-labelledby="actions-title">
          <h2 id="actions-title" className="card__title">
            {s.actionsTitle}
          </h2>
          <div ref={doneRef} tabIndex={-1} className="actions__done" aria-live="polite">
            {done ? (
              <Banner
                tone={done.tone}
                action={
                  done.logAfterOpen ? (
                    <Button
                      onClick={() =>
                        void run('log', async () => {
                          await logSent(pendingOverrides.current)
                          reset()
                          setDone({ text: s.done.logged, tone: 'success' })
                        })
                      }
                    >
                      {s.done.logAfterOpen}
                    </Button>
                  ) : done.toPrep ? (
                    <Button onClick={() => navigation.navigate('session-prep')}>{s.done.openPrep}</Button>
                  ) : undefined
                }
              >
                {done.text}
              </Banner>
            ) : null}
          </div>
          <div className="button-row">
            {verdict?.kind === 'send' ? sendActions([]) : null}
            {verdict && verdict.kind !== 'wait_until' ? (
              <Button busy={busy === 'draft'} onClick={() => void saveDraft(null)}>
                {s.actions.saveDraft}
              </Button>
            ) : null}
            {verdict && verdict.kind !== 'bring_to_session' ? (
              <Button busy={busy === 'point'} onClick={() => void toTalkingPoint(null)}>
                {s.actions.talkingPoint}
              </Button>
            ) : null}
            <Button variant="quiet" onClick={() => setReplyOpen(true)}>
              {s.actions.reply}
            </Button>
            {verdict && verdict.kind !== 'send' ? (
              <Button variant="quiet" aria-expanded={anyway} aria-controls="send-anyway" onClick={() => setAnyway((v) => !v)}>
                {s.actions.sendAnyway}
              </Button>
            ) : null}
          </div>
          {anyway && verdict && verdict.kind !== 'send' ? (
            <div id="send-anyway" className="send-anyway">
              <h3>{s.anyway.title}</h3>
              <p>{overriddenNames.length ? s.anyway.body(overriddenNames.join(', ')) : s.anyway.bodyNone}</p>
              <div className="button-row">
                {sendActions(overridable)}
                <Button variant="quiet" onClick={() => setAnyway(false)}>
                  {s.anyway.close}
                </Button>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}

      <ReplyDialog
        open={replyOpen}
        channel={channel}
        onClose={() => setReplyOpen(false)}
        onSave={(summary, replyChannel) =>
          run('reply', async () => {
            await rpc('contacts.create', {
              therapistId: therapist.id,
              direction: 'received',
              channel: replyChannel,
              purpose: purpose ?? 'update',
              at: currentTime(),
              summary: summary.trim(),
              overriddenRuleIds: [],
            })
            setReplyOpen(false)
            setDone({ text: s.done.reply, tone: 'success' })
          })
        }
      />
    </div>
  )
}

function CheckResult({
  result,
  now,
  busy,
  onSwitch,
  onRemind,
  onTalkingPoint,
  onCopyCovering,
}: {
  result: ContactCheckResult
  now: number
  busy: string | null
  onSwitch: (c: ContactChannel) => void
  onRemind: (at: number) => void
  onTalkingPoint: (sessionId: string | null) => void
  onCopyCovering: (text: string) => void
}): React.JSX.Element {
  const v = result.verdict
  let action: React.ReactNode = null
  let extra: React.ReactNode = null
  switch (v.kind) {
    case 'wait_until':
      if (v.at !== null)
        action = (
          <Button variant="primary" icon="clock" busy={busy === 'draft'} onClick={() => onRemind(v.at as number)}>
            {s.actions.saveAndRemind(whenText(v.at, now))}
          </Button>
        )
      break
    case 'use_other_channel':
      action = (
        <div className="button-row">
          {v.channels.slice(0, 3).map((c) => (
            <Button key={c} variant="primary" onClick={() => onSwitch(c)}>
              {s.actions.switchTo(c)}
            </Button>
          ))}
        </div>
      )
      break
    case 'bring_to_session':
      action = (
        <Button variant="primary" busy={busy === 'point'} onClick={() => onTalkingPoint(v.sessionId)}>
          {v.startsAt !== null ? s.actions.talkingPointFor(whenText(v.startsAt, now).replace(/^on /, '')) : s.actions.talkingPoint}
        </Button>
      )
      break
    case 'covering_clinician':
      extra = (
        <div className="covering">
          <p className="covering__title">{s.covering.title}</p>
          <p>
            {[v.name, v.contact].filter(Boolean).join(' · ')} <span className="muted small">({s.covering.until(whenText(v.until, now).replace(/^on /, ''))})</span>
          </p>
          {v.contact ? <Button onClick={() => onCopyCovering([v.name, v.contact].filter(Boolean).join(', '))}>{s.actions.copyCovering}</Button> : null}
        </div>
      )
      break
    default:
      break
  }
  const tone = v.kind === 'send' ? 'success' : 'info'
  return (
    <div className={`verdict verdict--${v.kind}`}>
      <Banner tone={tone} title={result.headline} action={action} />
      {extra}
    </div>
  )
}

/** Active confirm-type rules that cover this purpose (empty list = every purpose). */
function confirmRules(rules: readonly RuleDto[], purpose: Purpose | null): RuleDto[] {
  if (purpose === null) return []
  return rules.filter((r) => {
    if (!r.active || r.retiredAt !== null) return false
    const body = r.body as unknown as Rule
    if (body.kind !== 'journal_first' && body.kind !== 'worksheet' && body.kind !== 'custom_confirm') return false
    const purposes = (r.body.params as { purposes: Purpose[] }).purposes
    return purposes.length === 0 || purposes.includes(purpose)
  })
}

function confirmLabel(rule: RuleDto): string {
  if (rule.body.kind === 'custom_confirm') return rule.body.params.prompt
  return s.confirmText[rule.body.kind] ?? kindNames[rule.body.kind].name
}

/** Recorded channels first, in the order the person recorded them; then the rest. */
function orderedChannels(recorded: readonly ContactChannel[]): ContactChannel[] {
  const first = [...new Set(recorded)]
  return [...first, ...CHANNELS.filter((c) => !first.includes(c))]
}

function ReplyDialog({
  open,
  channel,
  onClose,
  onSave,
}: {
  open: boolean
  channel: ContactChannel
  onClose: () => void
  onSave: (summary: string, channel: ContactChannel) => void
}): React.JSX.Element {
  const t = s.replyDialog
  return (
    <Dialog open={open} onClose={onClose} title={t.title} closeLabel={t.close}>
      {open ? <ReplyForm channel={channel} onClose={onClose} onSave={onSave} /> : null}
    </Dialog>
  )
}

function ReplyForm({
  channel,
  onClose,
  onSave,
}: {
  channel: ContactChannel
  onClose: () => void
  onSave: (summary: string, channel: ContactChannel) => void
}): React.JSX.Element {
  const [summary, setSummary] = useState('')
  const [how, setHow] = useState<ContactChannel>(channel)
  const t = s.replyDialog
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(summary, how)
      }}
    >
      <TextAreaField label={t.summary} hint={t.summaryHint} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <SelectField label={t.channel} value={how} onChange={(e) => setHow(e.target.value as ContactChannel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabels[c]}
          </option>
        ))}
      </SelectField>
      <div className="button-row button-row--end">
        <Button variant="quiet" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button type="submit" variant="primary">
          {t.save}
        </Button>
      </div>
    </form>
  )
}
