import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Rule } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel, Purpose } from '../../../../shared/domain/vocabulary'
import type { RuleDto } from '../../../../shared/ipc/schemas/rules'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Button, LoadingArea, SelectField } from '../../components/ui'
import { useNow } from '../../lib/use-now'
import { useNavigation } from '../../app/navigation'
import { rulesQuery } from '../agreements/agreements.queries'
import { useCrisisView } from '../crisis-plan/crisis-view-context'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { CheckReasons, ConfirmList } from './CheckReasons'
import { ContactForm } from './ContactForm'
import { DoneNotice, SecondaryActions } from './ContactActions'
import { contactStrings as s } from './contact.strings'
import { needsAddress, primaryAction } from './primary-action'
import { useContactActions } from './use-contact-actions'
import { useContactCheck } from './use-contact-check'
import { VerdictPanel } from './VerdictPanel'
import './contact.css'

/**
 * "Ready to contact?": what it is about, how, and an optional draft; the answer beside it (or in
 * a bar that stays in view). The check's inputs are fetched once; the check itself runs here on
 * every change of purpose, channel or text, so the answer changes in the same frame. "I feel
 * unsafe right now" opens the crisis view before anything else, with or without a therapist.
 */
export default function ContactScreen(): React.JSX.Element {
  const therapists = useQuery(therapistsListQuery())
  const crisis = useCrisisView()
  const [chosen, setChosen] = useState<string | null>(null)
  const navigation = useNavigation()
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Start the keyboard path at the heading (the shell does this too, but not when the screen's
  // code was still loading): Tab, then the purposes.
  useEffect(() => {
    const heading = headingRef.current
    if (!heading || heading.closest('main')?.contains(document.activeElement)) return
    heading.focus()
  }, [])

  const therapist = therapists.data?.find((t) => t.id === chosen) ?? therapists.data?.[0] ?? null

  return (
    <div className="page contact">
      <header className="contact__header">
        <div className="page__header">
          <h1 ref={headingRef} tabIndex={-1}>
            {s.title}
          </h1>
          <p className="page__intro">{s.intro}</p>
        </div>
        <div className="crisis-entry">
          <Button
            className="crisis-entry__button"
            icon="lifebuoy"
            onClick={() => crisis.open()}
            aria-describedby="crisis-entry-hint"
          >
            {s.crisis.button}
          </Button>
          <span id="crisis-entry-hint" className="muted small">
            {s.crisis.hint}
          </span>
        </div>
      </header>
      {therapists.isPending ? (
        <LoadingArea label={s.checking} />
      ) : therapist === null ? (
        <div className="verdict-panel verdict-panel--static">
          <p className="verdict-panel__headline">{s.noTherapist.title}</p>
          <p className="verdict-panel__note">{s.noTherapist.body}</p>
          <div>
            <Button variant="primary" size="lg" onClick={() => navigation.navigate('home')}>
              {s.noTherapist.add}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {therapists.data && therapists.data.length > 1 ? (
            <SelectField
              label={s.therapist}
              className="field--medium"
              value={therapist.id}
              onChange={(e) => setChosen(e.target.value)}
            >
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
  const tick = useNow(30_000)
  // A change is answered as of the moment it is made: the clock may have jumped since the last
  // tick (the computer slept).
  const [changedAt, setChangedAt] = useState(tick)
  const now = Math.max(tick, changedAt)
  const navigation = useNavigation()
  const crisis = useCrisisView()
  const rules = useQuery(rulesQuery(therapist.id))
  const recorded = therapist.channels
  const [purpose, setPurpose] = useState<Purpose | null>(null)
  const [channel, setChannel] = useState<ContactChannel>(recorded[0]?.channel ?? 'email')
  const [draft, setDraft] = useState('')
  const [confirmed, setConfirmed] = useState<string[]>([])
  const primaryRef = useRef<HTMLButtonElement>(null)

  const address = useCallback(
    (c: ContactChannel) => recorded.find((r) => r.channel === c)?.address.trim() ?? '',
    [recorded],
  )
  const recordedChannels = useMemo(() => recorded.map((r) => r.channel), [recorded])
  const onPurpose = useCallback((p: Purpose) => {
    setPurpose(p)
    setConfirmed([])
    setChangedAt(Date.now())
  }, [])
  const onChannel = useCallback((c: ContactChannel) => {
    setChannel(c)
    setChangedAt(Date.now())
  }, [])
  const onDraft = useCallback((text: string) => {
    setDraft(text)
    setChangedAt(Date.now())
  }, [])
  const actions = useContactActions({
    therapistId: therapist.id,
    purpose,
    channel,
    text: draft,
    address,
    reset: () => {
      setDraft('')
      setConfirmed([])
    },
  })

  const request = useMemo(
    () =>
      purpose === null
        ? null
        : {
            purpose,
            channel,
            ...(draft.trim() ? { draftText: draft } : {}),
            confirmedItems: [...confirmed].sort(),
          },
    [purpose, channel, draft, confirmed],
  )
  const check = useContactCheck(therapist.id, request, now)
  const result = check.result

  // When the answer points to another channel: ask the same question for that channel, to say when it works.
  const verdict = result?.verdict
  const otherChannel =
    verdict?.kind === 'use_other_channel'
      ? verdict.channels.find((c) => !needsAddress(c, address))
      : undefined
  const other = request && otherChannel !== undefined ? check.ask({ ...request, channel: otherChannel }) : undefined

  const primary = verdict
    ? primaryAction(verdict, now, {
        channel,
        draftText: draft,
        address,
        sendNow: (kind) =>
          void (kind === 'open'
            ? actions.openInApp([])
            : kind === 'copy'
              ? actions.copyAndLog([])
              : actions.logOnly([])),
        remind: (at) => void actions.saveDraft(at),
        talkingPoint: (sessionId) => void actions.toTalkingPoint(sessionId),
        switchTo: onChannel,
        addAddress: () => navigation.navigate('home'),
        copyCovering: (text) => void actions.copy(text),
        openCrisis: () =>
          crisis.open({ covering: verdict.kind === 'crisis_plan' ? verdict.covering : null }),
      })
    : null

  const confirms = confirmRules(rules.data ?? [], purpose).filter(
    (r) =>
      confirmed.includes(r.id) ||
      result?.lines.some((l) => l.ruleId === r.id && l.status !== 'pass'),
  )

  return (
    <div
      className="contact-layout"
      onKeyDown={(event) => {
        // Ctrl/Cmd+Enter: the verdict's primary action, from anywhere on the screen.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && primaryRef.current) {
          event.preventDefault()
          primaryRef.current.click()
        }
      }}
    >
      <div className="contact-layout__question">
        <ContactForm
          purpose={purpose}
          channel={channel}
          draft={draft}
          recorded={recordedChannels}
          address={address}
          onPurpose={onPurpose}
          onChannel={onChannel}
          onDraft={onDraft}
        />
        {result ? (
          <SecondaryActions
            result={result}
            channel={channel}
            draftText={draft}
            address={address}
            actions={actions}
          />
        ) : null}
      </div>
      <VerdictPanel
        ref={primaryRef}
        asked={purpose !== null}
        check={check}
        therapist={therapist}
        now={now}
        address={address}
        other={other}
        primary={primary}
        busy={actions.busy}
        onAddAgreement={() => navigation.navigate('agreements')}
        done={
          <DoneNotice
            done={actions.done}
            actions={actions}
            onOpenPrep={() => navigation.navigate('session-prep')}
          />
        }
        confirm={
          <ConfirmList
            confirms={confirms}
            confirmed={confirmed}
            onConfirm={(id, on) =>
              setConfirmed((list) => (on ? [...list, id] : list.filter((x) => x !== id)))
            }
          />
        }
        reasons={result ? <CheckReasons result={result} now={Math.floor(now / 60_000) * 60_000} /> : null}
      />
    </div>
  )
}

/** Active confirm-type rules that cover this purpose (empty list = every purpose). */
function confirmRules(rules: readonly RuleDto[], purpose: Purpose | null): RuleDto[] {
  if (purpose === null) return []
  return rules.filter((r) => {
    if (!r.active || r.retiredAt !== null) return false
    const body = r.body as unknown as Rule
    if (
      body.kind !== 'journal_first' &&
      body.kind !== 'worksheet' &&
      body.kind !== 'custom_confirm'
    )
      return false
    const purposes = (r.body.params as { purposes: Purpose[] }).purposes
    return purposes.length === 0 || purposes.includes(purpose)
  })
}
