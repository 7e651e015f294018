import { useState } from 'react'
import type { ContactCheckResult, RuleLine } from '../../../../shared/domain/contact-check'
import type { ContactChannel } from '../../../../shared/domain/vocabulary'
import { Banner, Button } from '../../components/ui'
import { contactStrings as s, kindNames } from './contact.strings'
import { sendKind } from './primary-action'
import { ReplyDialog } from './ReplyDialog'
import type { ContactActions, Done } from './use-contact-actions'

/** What happened after the last action, with the one follow-up it may need. */
export function DoneNotice({
  done,
  actions,
  onOpenPrep,
}: {
  done: Done | null
  actions: ContactActions
  onOpenPrep: () => void
}): React.JSX.Element | null {
  if (!done) return null
  const follow = done.logAfterOpen ? (
    <Button onClick={() => void actions.logAfterOpen()}>{s.done.logAfterOpen}</Button>
  ) : done.toPrep ? (
    <Button onClick={onOpenPrep}>{s.done.openPrep}</Button>
  ) : undefined
  return (
    <Banner tone={done.tone} action={follow}>
      {done.text}
    </Banner>
  )
}

/**
 * Everything besides the verdict's primary action: keep it as a draft or a talking point, log a
 * reply, and "send anyway", always there, which notes the agreements it goes against.
 */
export function SecondaryActions({
  result,
  channel,
  draftText,
  address,
  actions,
}: {
  result: ContactCheckResult
  channel: ContactChannel
  draftText: string
  address: (channel: ContactChannel) => string
  actions: ContactActions
}): React.JSX.Element {
  const [anyway, setAnyway] = useState(false)
  const [replyOpen, setReplyOpen] = useState(false)
  const verdict = result.verdict
  const overridable = result.overridableRuleIds
  const overriddenNames = overridable
    .map((id) => result.lines.find((l) => l.ruleId === id))
    .filter((l): l is RuleLine => l !== undefined)
    .map((l) => kindNames[l.kind].name.toLowerCase())
  const primaryKind = verdict.kind === 'send' ? sendKind(channel, draftText, address) : null

  const sendButtons = (overrides: string[], skip: string | null) => {
    const written =
      channel === 'text' || channel === 'email' || channel === 'portal' || channel === 'social'
    const canOpen = (channel === 'email' || channel === 'text') && address(channel) !== ''
    return (
      <>
        {canOpen && skip !== 'open' ? (
          <Button busy={actions.busy === 'open'} onClick={() => void actions.openInApp(overrides)}>
            {s.actions.openIn(channel)}
          </Button>
        ) : null}
        {written && draftText.trim() && skip !== 'copy' ? (
          <Button
            icon="copy"
            busy={actions.busy === 'copy'}
            onClick={() => void actions.copyAndLog(overrides)}
          >
            {s.actions.copyAndLog}
          </Button>
        ) : null}
        {(!written || !draftText.trim()) && skip !== 'log' ? (
          <Button busy={actions.busy === 'log'} onClick={() => void actions.logOnly(overrides)}>
            {s.actions.logOnly(channel)}
          </Button>
        ) : null}
      </>
    )
  }

  return (
    <section className="contact-actions" aria-labelledby="actions-title">
      <h2 id="actions-title" className="contact-actions__title">
        {s.actionsTitle}
      </h2>
      <div className="button-row">
        {verdict.kind === 'send' ? sendButtons([], primaryKind) : null}
        {verdict.kind !== 'wait_until' ? (
          <Button busy={actions.busy === 'draft'} onClick={() => void actions.saveDraft(null)}>
            {s.actions.saveDraft}
          </Button>
        ) : null}
        {verdict.kind !== 'bring_to_session' ? (
          <Button busy={actions.busy === 'point'} onClick={() => void actions.toTalkingPoint(null)}>
            {s.actions.talkingPoint}
          </Button>
        ) : null}
        <Button variant="quiet" onClick={() => setReplyOpen(true)}>
          {s.actions.reply}
        </Button>
        {verdict.kind !== 'send' ? (
          <Button
            variant="quiet"
            aria-expanded={anyway}
            aria-controls="send-anyway"
            onClick={() => setAnyway((v) => !v)}
          >
            {s.actions.sendAnyway}
          </Button>
        ) : null}
      </div>
      {anyway && verdict.kind !== 'send' ? (
        <div id="send-anyway" className="send-anyway">
          <h3>{s.anyway.title}</h3>
          <p>
            {overriddenNames.length ? s.anyway.body(overriddenNames.join(', ')) : s.anyway.bodyNone}
          </p>
          <div className="button-row">
            {sendButtons(overridable, null)}
            <Button variant="quiet" onClick={() => setAnyway(false)}>
              {s.anyway.close}
            </Button>
          </div>
        </div>
      ) : null}
      <ReplyDialog
        open={replyOpen}
        channel={channel}
        onClose={() => setReplyOpen(false)}
        onSave={(summary, how) => void actions.logReply(summary, how, () => setReplyOpen(false))}
      />
    </section>
  )
}
