import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { ContactChannel, Purpose } from '../../../../shared/domain/vocabulary'
import { rpc } from '../../lib/rpc'
import { contactStrings as s, purposeLabels } from './contact.strings'
import { whenText } from './contact-words'

const MAX_URL = 2000
/** The clock, read only in event handlers. */
const currentTime = () => Date.now()

export interface Done {
  text: string
  tone: 'success' | 'danger' | 'info'
  logAfterOpen?: boolean
  toPrep?: boolean
}

export interface Draft {
  therapistId: string
  purpose: Purpose | null
  channel: ContactChannel
  text: string
  /** The address recorded for a channel, or ''. */
  address(channel: ContactChannel): string
  /** Clears the message and the ticks once it has gone somewhere. */
  reset(): void
}

/**
 * What the contact check's buttons do, against the real vault: copy and log, open the mail or
 * messages app, log, save as a draft (with a reminder), turn into a talking point, log a reply.
 * Each reports one calm sentence in `done`; a failure changes nothing and says so.
 */
export function useContactActions(draft: Draft) {
  const queryClient = useQueryClient()
  const [done, setDone] = useState<Done | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const pendingOverrides = useRef<string[]>([])
  const purpose = draft.purpose ?? 'update'

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

  const copy = async (text: string): Promise<boolean> => {
    try {
      await rpc('clipboard.write', { text })
      return true
    } catch {
      return false
    }
  }

  const logSent = (overrides: string[]) =>
    rpc('contacts.create', {
      therapistId: draft.therapistId,
      direction: 'sent',
      channel: draft.channel,
      purpose,
      at: currentTime(),
      summary: draft.text.trim(),
      overriddenRuleIds: overrides,
    })

  const logged = async (overrides: string[]) => {
    await logSent(overrides)
    draft.reset()
    setDone({ text: s.done.logged, tone: 'success' })
  }

  return {
    done,
    busy,
    copy,
    copyAndLog: (overrides: string[]) =>
      run('copy', async () => {
        const copied = await copy(draft.text.trim())
        await logSent(overrides)
        draft.reset()
        setDone(
          copied
            ? { text: s.done.copied, tone: 'success' }
            : { text: `${s.done.logged} ${s.done.copyFailed}`, tone: 'info' },
        )
      }),
    logOnly: (overrides: string[]) => run('log', () => logged(overrides)),
    logAfterOpen: () => run('log', () => logged(pendingOverrides.current)),
    openInApp: (overrides: string[]) =>
      run('open', async () => {
        const { channel } = draft
        const to = draft.address(channel)
        const body = draft.text.trim()
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
        setDone({
          text: long ? s.done.openedLong(channel) : s.done.opened(channel),
          tone: 'info',
          logAfterOpen: true,
        })
      }),
    saveDraft: (remindAt: number | null) =>
      run('draft', async () => {
        await rpc('drafts.create', {
          therapistId: draft.therapistId,
          body: draft.text.trim(),
          purpose,
          channel: draft.channel,
          remindAt,
        })
        draft.reset()
        setDone({
          text: remindAt
            ? s.done.draftRemind(whenText(remindAt, currentTime()))
            : s.done.draftSaved,
          tone: 'success',
        })
      }),
    toTalkingPoint: (targetSessionId: string | null) =>
      run('point', async () => {
        const text = draft.text.trim()
        const source = text
          ? await rpc('drafts.create', {
              therapistId: draft.therapistId,
              body: text,
              purpose,
              channel: draft.channel,
              remindAt: null,
            })
          : null
        const open = await rpc('talkingPoints.list', { status: 'open', targetSessionId: null })
        const position = open.reduce((max, p) => Math.max(max, p.position), -1) + 1
        await rpc('talkingPoints.create', {
          text: (text || s.talkingPointFallback(purposeLabels[purpose])).slice(0, 5000),
          priority: 'normal',
          position,
          targetSessionId,
          sourceReflectionId: null,
          sourceDraftId: source?.id ?? null,
          status: 'open',
        })
        await queryClient.invalidateQueries({ queryKey: ['talking_points'] })
        draft.reset()
        setDone({ text: s.done.talkingPoint, tone: 'success', toPrep: true })
      }),
    logReply: (summary: string, channel: ContactChannel, after: () => void) =>
      run('reply', async () => {
        await rpc('contacts.create', {
          therapistId: draft.therapistId,
          direction: 'received',
          channel,
          purpose,
          at: currentTime(),
          summary: summary.trim(),
          overriddenRuleIds: [],
        })
        after()
        setDone({ text: s.done.reply, tone: 'success' })
      }),
  }
}

export type ContactActions = ReturnType<typeof useContactActions>
