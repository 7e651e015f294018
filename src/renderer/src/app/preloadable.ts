import { createElement, lazy, type ComponentType } from 'react'

export type PreloadableScreen = ComponentType & {
  /** Starts loading the screen's chunk (once); later calls return the same promise. */
  preload(): Promise<unknown>
}

/**
 * A lazily loaded screen that can be loaded ahead of time. Once its chunk is in, it renders
 * straight away instead of through React.lazy: a lazy component suspends on its first render even
 * when its module is already loaded, and React then holds the revealed screen back for up to
 * 300 ms after the fallback was shown (its Suspense throttle). For the timeline, the first screen
 * after unlocking, that throttle was most of the time from unlock to the first rows.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): PreloadableScreen {
  let loaded: ComponentType | null = null
  let loading: Promise<{ default: ComponentType }> | null = null
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module.default
        return module
      },
      (error: unknown) => {
        loading = null // a failed chunk load may be retried on the next render
        throw error
      },
    )
    return loading
  }
  const Lazy = lazy(preload)
  function Screen(): React.JSX.Element {
    return createElement(loaded ?? Lazy)
  }
  return Object.assign(Screen, { preload })
}
