/**
 * Hybrid logical clock stamps (as Actual Budget uses): wall-clock milliseconds, a counter, and
 * the device id, written as fixed-width hex so that comparing two stamps as strings orders them.
 *
 * A stamp is always greater than every stamp its device has seen, so an edit made after
 * receiving another device's edit orders after it even when this computer's clock is hours
 * behind. A clock hours ahead only makes stamps larger; nothing is refused, sync never stops.
 */
export type Stamp = string

const MS_DIGITS = 12
const COUNTER_DIGITS = 6
const COUNTER_MAX = 0xffffff
export const DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/
const STAMP_PATTERN = /^[0-9a-f]{12}-[0-9a-f]{6}-[0-9a-f]{16}$/

export const isStamp = (value: unknown): value is Stamp => typeof value === 'string' && STAMP_PATTERN.test(value)

const format = (ms: number, counter: number, device: string): Stamp =>
  `${ms.toString(16).padStart(MS_DIGITS, '0')}-${counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${device}`

const parse = (stamp: Stamp): { ms: number; counter: number } => ({
  ms: parseInt(stamp.slice(0, MS_DIGITS), 16),
  counter: parseInt(stamp.slice(MS_DIGITS + 1, MS_DIGITS + 1 + COUNTER_DIGITS), 16),
})

/** The wall-clock part of a stamp (milliseconds since the epoch, as the writing device saw it). */
export const stampMillis = (stamp: Stamp): number => parse(stamp).ms

export const stampDevice = (stamp: Stamp): string => stamp.slice(MS_DIGITS + COUNTER_DIGITS + 2)

export interface Hlc {
  /** A new stamp, greater than every stamp made or observed before. */
  next(): Stamp
  /** Moves the clock past a stamp from another device. */
  observe(stamp: Stamp): void
  /** The greatest stamp made or observed so far (persisted between runs). */
  last(): Stamp
}

export function createHlc(device: string, now: () => number, last?: Stamp): Hlc {
  if (!DEVICE_ID_PATTERN.test(device)) throw new Error('hlc: bad device id')
  let ms = 0
  let counter = 0
  if (last) ({ ms, counter } = parse(last))
  return {
    next() {
      const physical = Math.floor(now())
      if (physical > ms) {
        ms = physical
        counter = 0
      } else if (counter < COUNTER_MAX) {
        counter += 1
      } else {
        ms += 1
        counter = 0
      }
      return format(ms, counter, device)
    },
    observe(stamp) {
      const seen = parse(stamp)
      if (seen.ms > ms || (seen.ms === ms && seen.counter >= counter)) {
        ms = seen.ms
        counter = seen.counter
      }
    },
    last: () => format(ms, counter, device),
  }
}
