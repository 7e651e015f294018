import { useEffect, useState } from 'react'
import { assessPassphrase, loadStrengthChecker, MIN_SCORE, type Strength } from './strength'
import { vaultStrings as s } from './vault.strings'

export type StrengthState =
  | { status: 'empty' }
  | { status: 'checking' }
  | { status: 'ready'; passphrase: string; strength: Strength }
  | { status: 'unavailable' }

/** Debounced zxcvbn assessment of a passphrase; null while the field is empty. */
export function usePassphraseStrength(passphrase: string, delayMs = 120): StrengthState {
  const [state, setState] = useState<StrengthState>({ status: 'empty' })

  useEffect(() => {
    void loadStrengthChecker().catch(() => undefined)
  }, [])

  useEffect(() => {
    if (passphrase === '') return
    let cancelled = false
    const timer = window.setTimeout(() => {
      assessPassphrase(passphrase).then(
        (strength) => {
          if (!cancelled) setState({ status: 'ready', passphrase, strength })
        },
        () => {
          if (!cancelled) setState({ status: 'unavailable' })
        },
      )
    }, delayMs)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [passphrase, delayMs])

  if (passphrase === '') return { status: 'empty' }
  if (state.status === 'ready' && state.passphrase !== passphrase) return { status: 'checking' }
  if (state.status === 'empty') return { status: 'checking' }
  return state
}

interface StrengthMeterProps {
  state: StrengthState
  id: string
}

/** Four quiet segments and a plain-words level, announced politely as it changes. */
export function StrengthMeter({ state, id }: StrengthMeterProps): React.JSX.Element {
  const score = state.status === 'ready' ? state.strength.score : null
  const filled = score === null ? 0 : Math.max(1, score)
  const level = score === null ? '' : s.strength.levels[score]
  return (
    <div className="strength" id={id} data-score={score ?? undefined}>
      <div className="strength__bar" aria-hidden="true">
        {[1, 2, 3, 4].map((segment) => (
          <span key={segment} className={segment <= filled ? 'strength__segment strength__segment--on' : 'strength__segment'} />
        ))}
      </div>
      <p className="strength__label" aria-live="polite">
        {state.status === 'ready' ? (
          <>
            <span className="visually-hidden">{s.strength.label}: </span>
            {level}
            {score !== null && score >= MIN_SCORE ? null : state.strength.warning ? ` · ${state.strength.warning}` : null}
          </>
        ) : state.status === 'unavailable' ? (
          s.strength.unavailable
        ) : (
          '\u00a0'
        )}
      </p>
    </div>
  )
}
