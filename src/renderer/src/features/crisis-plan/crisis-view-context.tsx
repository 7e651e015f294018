import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { onBridgeEvent } from '../../lib/rpc'
import { CrisisView, type Covering } from './CrisisView'

export interface CrisisViewControl {
  /** Opens the crisis view over whatever is on screen; focus returns there when it closes. */
  open(options?: { covering?: Covering | null }): void
}

const CrisisViewContext = createContext<CrisisViewControl | null>(null)

/** Ctrl+Shift+H (⌘⇧H on a Mac): the same keys as the menu's "Get help now". */
export const isCrisisShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) &&
  event.shiftKey &&
  !event.altKey &&
  event.key.toLowerCase() === 'h'

/**
 * The crisis view, one action from anywhere: any code calls `useCrisisView().open()`; the
 * shortcut and the menu's "Get help now" (`ui.crisis`) open it too. Mounted once in the app
 * shell and once around the lock screen (`locked`: only the app's own numbers, nothing read
 * from the vault).
 */
export function CrisisViewProvider({
  children,
  locked = false,
  onEditPlan,
}: {
  children: ReactNode
  locked?: boolean
  onEditPlan?: () => void
}): React.JSX.Element {
  const [state, setState] = useState<{ open: boolean; covering: Covering | null }>({
    open: false,
    covering: null,
  })
  const returnTo = useRef<HTMLElement | null>(null)

  const open = useCallback((options?: { covering?: Covering | null }) => {
    setState((current) => {
      if (!current.open)
        returnTo.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : null
      return { open: true, covering: options?.covering ?? current.covering }
    })
  }, [])

  const close = useCallback(() => {
    setState({ open: false, covering: null })
    const target = returnTo.current
    returnTo.current = null
    // After the dialog has closed (the effect in CrisisView), give focus back where it was.
    requestAnimationFrame(() => {
      if (target?.isConnected) target.focus()
    })
  }, [])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCrisisShortcut(event)) return
      event.preventDefault()
      open()
    }
    window.addEventListener('keydown', onKey, true)
    const off = onBridgeEvent('ui.crisis', () => open())
    return () => {
      window.removeEventListener('keydown', onKey, true)
      off()
    }
  }, [open])

  const control = useMemo<CrisisViewControl>(() => ({ open }), [open])
  const editPlan = onEditPlan
    ? () => {
        returnTo.current = null
        setState({ open: false, covering: null })
        onEditPlan()
      }
    : undefined

  return (
    <CrisisViewContext.Provider value={control}>
      {children}
      <CrisisView
        open={state.open}
        onClose={close}
        onEditPlan={editPlan}
        covering={state.covering}
        locked={locked}
      />
    </CrisisViewContext.Provider>
  )
}

/** How any screen opens the crisis view. */
export function useCrisisView(): CrisisViewControl {
  const control = useContext(CrisisViewContext)
  if (!control) throw new Error('useCrisisView needs a CrisisViewProvider')
  return control
}
