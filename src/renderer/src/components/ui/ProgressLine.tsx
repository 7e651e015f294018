/**
 * How far a long piece of work has come: the name of its step with the percentage, then a bar.
 * Two parts without a box of their own, so the parent lays them out (beside a Stop button in
 * Settings, alone on the lock screen during an update).
 */
export function ProgressLine({ step, percent, percentText, barLabel }: { step: string; percent: number | null; percentText: string | null; barLabel: string }): React.JSX.Element {
  return (
    <>
      <div className="progress-line__text" aria-live="polite">
        <span>{step}</span>
        {percentText === null ? null : <span className="progress-line__percent">{percentText}</span>}
      </div>
      <progress className="progress-line__bar" aria-label={barLabel} max={100} {...(percent === null ? {} : { value: percent })} />
    </>
  )
}
