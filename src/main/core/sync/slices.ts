/**
 * Long work on the main thread cut into slices of a few milliseconds with the event loop running
 * between them, so the window never waits long. The work is a generator that yields wherever it
 * may pause; between two slices it holds no open statement and no transaction.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'

/** What long work looks at between slices (an AbortSignal is one). */
export interface StopSignal {
  readonly aborted: boolean
}

/** A clock for one slice: true once `ms` milliseconds have passed. */
export const timeBudget = (ms: number): (() => boolean) => {
  const until = performance.now() + ms
  return () => performance.now() >= until
}

/** Runs the steps about `sliceMs` at a time, yielding to the event loop between; null when the signal stopped them. */
export async function inSlices<T>(steps: Iterator<unknown, T>, sliceMs: number, signal?: StopSignal): Promise<T | null> {
  for (;;) {
    if (signal?.aborted) return null
    const spent = timeBudget(sliceMs)
    let step: IteratorResult<unknown, T>
    do step = steps.next()
    while (!step.done && !spent())
    if (step.done) return step.value
    await yieldToLoop()
  }
}

/** Runs the steps in one go (the simulation, which has no window to keep responsive). */
export function atOnce<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
