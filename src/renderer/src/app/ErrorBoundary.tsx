import { Component, type ReactNode } from 'react'

interface Props {
  fallback: ReactNode
  /** Changing this resets the boundary (e.g. the route id). */
  resetKey?: unknown
  children: ReactNode
}

interface State {
  failed: boolean
  resetKey: unknown
}

/** Keeps one broken screen from taking the whole window down. Logs nothing: errors may hold content. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
