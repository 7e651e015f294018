import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import {
  evaluateSnapshot,
  snapshotGoodUntil,
  type ContactCheckResult,
  type ContactCheckSnapshot,
  type ContactRequest,
} from '../../../../shared/domain/contact-check'
import { contactCheckInputsQuery } from './contact.queries'

const personZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
const locale = () => navigator.language || 'en-GB'

export interface ContactCheck {
  /** The answer for `request` (undefined until the inputs have arrived, or without a request). */
  result: ContactCheckResult | undefined
  /** The same question over another channel (to say when that one works). */
  ask(request: ContactRequest): ContactCheckResult | undefined
  /** The inputs are being gathered again (after a change in the vault). */
  busy: boolean
  failed: boolean
  retry(): void
}

/**
 * The contact check, asked in the renderer: the inputs are fetched once per therapist and again
 * when the vault changes (the app's invalidation) or time moves past an answer's turning point;
 * every change of purpose, channel or text is answered synchronously, in the same commit.
 */
export function useContactCheck(therapistId: string, request: ContactRequest | null, now: number): ContactCheck {
  const inputs = useQuery(contactCheckInputsQuery(therapistId))
  const snapshot = inputs.data
  const ask = useMemo(
    () => (snapshot ? (r: ContactRequest) => evaluateSnapshot(snapshot, { now, personZone: personZone(), locale: locale(), request: r }) : () => undefined),
    [snapshot, now],
  )
  const result = useSameAnswer(useMemo(() => (request ? ask(request) : undefined), [ask, request]))

  const refetch = inputs.refetch
  const refreshAt = snapshot ? nextRefresh(snapshot, result) : null
  useEffect(() => {
    if (refreshAt === null) return
    // Checked again at every change too: timers wait out a sleeping computer.
    const timer = window.setTimeout(() => void refetch(), Math.max(0, refreshAt - now))
    return () => window.clearTimeout(timer)
  }, [refreshAt, refetch, now])

  return { result, ask, busy: inputs.isFetching, failed: inputs.isError, retry: () => void refetch() }
}

/**
 * When to gather the inputs again as time passes: the first turning point of the answer after
 * they were gathered (the earliest time, a line clearing), at the latest when they stop covering.
 */
function nextRefresh(snapshot: ContactCheckSnapshot, result: ContactCheckResult | undefined): number {
  let at = snapshotGoodUntil(snapshot)
  const times = [result?.earliestAt ?? null, ...(result?.lines.map((l) => l.until) ?? [])]
  for (const t of times) if (t !== null && t > snapshot.gatheredAt && t < at) at = t
  return at
}

/** The previous answer object when the new one says the same (so what shows it need not redraw). */
function useSameAnswer(result: ContactCheckResult | undefined): ContactCheckResult | undefined {
  const json = result === undefined ? '' : JSON.stringify({ ...result, evaluatedAt: 0 })
  const [kept, setKept] = useState({ result, json })
  if (kept.json === json) return kept.result
  setKept({ result, json })
  return result
}
