interface SpinnerProps {
  size?: number
  /** Announced text; omit when the surrounding control already says what is happening. */
  label?: string
}

export function Spinner({ size = 20, label }: SpinnerProps): React.JSX.Element {
  return (
    <span className="spinner" style={{ width: size, height: size }} {...(label ? { role: 'status' } : { 'aria-hidden': true })}>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  )
}

/** A full-area, quiet loading state. */
export function LoadingArea({ label }: { label: string }): React.JSX.Element {
  return (
    <div className="loading-area">
      <Spinner size={28} />
      <p role="status">{label}</p>
    </div>
  )
}
