import { forwardRef, useState, type ReactNode } from 'react'
import type { ContactCheckResult } from '../../../../shared/domain/contact-check'
import type { ContactChannel } from '../../../../shared/domain/vocabulary'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import { Banner, Button, Spinner } from '../../components/ui'
import {
  contactStrings as s,
  primaryActionKeys,
  primaryActionKeyShortcuts,
} from './contact.strings'
import { therapistTimeNote, whenText } from './contact-words'
import { needsAddress, type PrimaryAction } from './primary-action'

export interface CheckState {
  result: ContactCheckResult | undefined
  /** A newer answer is on its way (the previous one stays on screen meanwhile). */
  busy: boolean
  failed: boolean
  retry(): void
}

/**
 * The answer, where the eye already is: one large sentence, the times that matter (the
 * therapist's clock where it differs), the one action that fits, then the reasons. Wide windows
 * keep it beside the question (sticky); narrow ones show it as a bar that stays in view, with the
 * reasons one press away. It changes in place; the previous answer stays until the next one.
 */
export const VerdictPanel = forwardRef<
  HTMLButtonElement,
  {
    asked: boolean
    check: CheckState
    therapist: Therapist
    now: number
    address: (channel: ContactChannel) => string
    /** The check for the channel the verdict suggests instead: when that one works. */
    other: ContactCheckResult | undefined
    primary: PrimaryAction | null
    busy: string | null
    onAddAgreement: () => void
    /** What happened after the last action. */
    done: ReactNode
    /** What to tick before sending: always in view. */
    confirm: ReactNode
    /** The agreement lines: beside the answer when wide, one press away when narrow. */
    reasons: ReactNode
  }
>(function VerdictPanel(
  {
    asked,
    check,
    therapist,
    now,
    address,
    other,
    primary,
    busy,
    onAddAgreement,
    done,
    confirm,
    reasons,
  },
  primaryRef,
) {
  const [expanded, setExpanded] = useState(false)
  const result = check.result
  const notes = result ? answerNotes(result, therapist, now, address, other) : []
  return (
    <section
      className={`verdict-panel${expanded ? ' verdict-panel--expanded' : ''}`}
      aria-labelledby="check-title"
      aria-busy={check.busy}
    >
      <h2 id="check-title" className="verdict-panel__label">
        {s.verdictTitle}
      </h2>
      {!asked ? (
        <p className="verdict-panel__prompt">{s.choosePurpose}</p>
      ) : !result ? (
        check.failed ? (
          <Banner tone="warning" action={<Button onClick={check.retry}>{s.retry}</Button>}>
            {s.checkFailed}
          </Banner>
        ) : (
          <Spinner label={s.checking} />
        )
      ) : (
        <>
          <p
            className={`verdict-panel__headline verdict-panel__headline--${result.verdict.kind}`}
            aria-live="polite"
          >
            {result.headline}
          </p>
          {notes.map((note) => (
            <p key={note} className="verdict-panel__note">
              {note}
            </p>
          ))}
          {result.verdict.kind === 'covering_clinician' ? (
            <p className="verdict-panel__covering">
              {[result.verdict.name, result.verdict.contact].filter(Boolean).join(' · ')}{' '}
              <span className="muted small">
                ({s.covering.until(whenText(result.verdict.until, now).replace(/^on /, ''))})
              </span>
            </p>
          ) : null}
          {primary ? (
            <div className="verdict-panel__primary">
              <Button
                ref={primaryRef}
                variant="primary"
                icon={primary.icon}
                busy={busy === primary.key}
                aria-keyshortcuts={primaryActionKeyShortcuts}
                onClick={primary.run}
              >
                {primary.label}
              </Button>
              <span className="muted small verdict-panel__keys">
                {s.primaryShortcut} <kbd>{primaryActionKeys}</kbd>
              </span>
            </div>
          ) : null}
          {confirm}
          {result.lines.length === 0 ? (
            <p className="verdict-panel__empty">
              <span>{s.noAgreements(therapist.name)}</span>{' '}
              <Button onClick={onAddAgreement}>{s.addAgreement}</Button>
            </p>
          ) : null}
          <div className="verdict-panel__done" aria-live="polite">
            {done}
          </div>
          {result.lines.length > 0 ? (
            <>
              <Button
                variant="quiet"
                className="verdict-panel__toggle"
                aria-expanded={expanded}
                aria-controls="check-reasons"
                onClick={() => setExpanded((v) => !v)}
              >
                {expanded ? s.reasons.hide : s.reasons.show}
              </Button>
              <div id="check-reasons" className="verdict-panel__reasons">
                {reasons}
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  )
})

/** The sentences under the headline: the therapist's clock, and when the other channel works. */
function answerNotes(
  result: ContactCheckResult,
  therapist: Therapist,
  now: number,
  address: (channel: ContactChannel) => string,
  other: ContactCheckResult | undefined,
): string[] {
  const v = result.verdict
  const zoneNote = (at: number) => therapistTimeNote(at, therapist.timeZone, s.therapistTime)
  switch (v.kind) {
    case 'wait_until':
      return v.at === null ? [] : [zoneNote(v.at)].filter((n): n is string => n !== null)
    case 'bring_to_session':
      return v.startsAt === null
        ? []
        : [zoneNote(v.startsAt)].filter((n): n is string => n !== null)
    case 'use_other_channel': {
      const usable = v.channels.find((c) => !needsAddress(c, address))
      if (!usable) return [s.noAddress(v.channels[0] as ContactChannel, therapist.name)]
      const ov = other?.verdict
      const at =
        ov?.kind === 'send' || ov?.kind === 'confirm'
          ? now
          : ov?.kind === 'wait_until'
            ? ov.at
            : null
      if (at === null) return []
      if (at <= now + 60_000) return [s.otherChannelNow(usable)]
      return [s.otherChannelFrom(usable, whenText(at, now)), zoneNote(at)].filter(
        (n): n is string => n !== null,
      )
    }
    default:
      return []
  }
}
