/**
 * A simulated folder-sync engine between devices' copies of one folder. Every file written on
 * one copy reaches the others after a random delay, and on the way it may arrive cut short
 * first, arrive twice, be withheld until the very end, be joined by a conflict copy or a cloud
 * placeholder, or overtake files written before it. Deterministic for a seed.
 */
import type { SyncFolder } from '../../../src/main/core/sync/folder'

export type Random = () => number

/** mulberry32: a small, fast, seeded PRNG. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One device's copy of the folder: files by path, and the names in each folder. */
export class FolderView {
  readonly files = new Map<string, Buffer>()
  private readonly dirs = new Map<string, Set<string>>()

  set(path: string, bytes: Buffer): void {
    this.files.set(path, bytes)
    let child = path
    for (let slash = child.lastIndexOf('/'); slash > 0; slash = child.lastIndexOf('/')) {
      const dir = child.slice(0, slash)
      const names = this.dirs.get(dir) ?? new Set()
      names.add(child.slice(slash + 1))
      this.dirs.set(dir, names)
      child = dir
    }
  }

  list(dir: string): string[] {
    return [...(this.dirs.get(dir) ?? [])]
  }

  delete(path: string): void {
    this.files.delete(path)
    const slash = path.lastIndexOf('/')
    this.dirs.get(path.slice(0, slash))?.delete(path.slice(slash + 1))
  }
}

interface Delivery {
  from: number
  to: number
  path: string
  /** null: the file was deleted (compaction). */
  bytes: Buffer | null
}

export interface NetStats {
  truncated: number
  duplicated: number
  withheld: number
  conflictCopies: number
  placeholders: number
}

export class SimNetwork {
  readonly views: FolderView[] = []
  private readonly due = new Map<number, Delivery[]>()
  private readonly withheld: Delivery[] = []
  /** Devices cut off from the others (a computer offline for months), and what waits for them. */
  private readonly cutOff = new Set<number>()
  private readonly held: Delivery[] = []
  private step = 0
  readonly stats: NetStats = { truncated: 0, duplicated: 0, withheld: 0, conflictCopies: 0, placeholders: 0 }

  constructor(
    private readonly random: Random,
    devices: number,
  ) {
    for (let i = 0; i < devices; i++) this.views.push(new FolderView())
  }

  folder(index: number): SyncFolder {
    const view = this.views[index] as FolderView
    return {
      list: (dir) => view.list(dir),
      read: (path) => view.files.get(path) ?? null,
      write: (path, bytes) => {
        view.set(path, bytes)
        this.spread(index, path, bytes)
      },
      remove: (path) => {
        view.delete(path)
        this.spreadDeletion(index, path)
      },
    }
  }

  private at(step: number, delivery: Delivery): void {
    const list = this.due.get(step) ?? []
    list.push(delivery)
    this.due.set(step, list)
  }

  private spreadDeletion(from: number, path: string): void {
    for (let to = 0; to < this.views.length; to++) {
      if (to === from) continue
      const delivery = { from, to, path, bytes: null }
      if (this.cutOff.has(from) || this.cutOff.has(to)) this.held.push(delivery)
      // After every copy of the file itself (a deletion never overtakes the file's arrival).
      else this.at(this.step + 402 + Math.floor(this.random() * 300), delivery)
    }
  }

  private spread(from: number, path: string, bytes: Buffer): void {
    const r = this.random
    for (let to = 0; to < this.views.length; to++) {
      if (to === from) continue
      if (this.cutOff.has(from) || this.cutOff.has(to)) {
        this.held.push({ from, to, path, bytes })
        continue
      }
      if (r() < 0.04) {
        this.stats.withheld++
        this.withheld.push({ from, to, path, bytes })
        continue
      }
      const arrives = this.step + 1 + Math.floor(r() * 300)
      if (r() < 0.08) {
        this.stats.truncated++
        this.at(Math.max(this.step + 1, arrives - 1 - Math.floor(r() * 20)), { from, to, path, bytes: bytes.subarray(0, Math.floor(r() * bytes.length)) })
      }
      this.at(arrives, { from, to, path, bytes })
      if (r() < 0.04) {
        this.stats.duplicated++
        this.at(arrives + 1 + Math.floor(r() * 100), { from, to, path, bytes })
      }
      if (r() < 0.03) {
        this.stats.conflictCopies++
        const copy = r() < 0.5 ? bytes : Buffer.from(bytes.map((b) => b ^ 0x5a))
        this.at(arrives + Math.floor(r() * 50), { from, to, path: `${path}.sync-conflict-20261207-101500-ABCDEF${to}`, bytes: copy })
      }
      if (r() < 0.02) {
        this.stats.placeholders++
        const slash = path.lastIndexOf('/')
        const placeholder = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.icloud`
        this.at(this.step + 1, { from, to, path: placeholder, bytes: Buffer.from('placeholder') })
      }
    }
  }

  private arrive(d: Delivery): void {
    const view = this.views[d.to]
    if (d.bytes === null) view?.delete(d.path)
    else view?.set(d.path, d.bytes)
  }

  /** One step of time: files due now arrive (a later copy of a path replaces the earlier one). */
  tick(): void {
    this.step++
    for (const d of this.due.get(this.step) ?? []) {
      if (this.cutOff.has(d.to)) this.held.push(d)
      else this.arrive(d)
    }
    this.due.delete(this.step)
  }

  /** The device is cut off: nothing it writes leaves, nothing reaches it. */
  cut(device: number): void {
    this.cutOff.add(device)
  }

  /** The device is back: what was held flows again, in order, after the usual delays (not to or from a device still cut off). */
  reconnect(device: number): void {
    this.cutOff.delete(device)
    const stillCut = (d: Delivery): boolean => this.cutOff.has(d.from) || this.cutOff.has(d.to)
    const flowing = this.held.filter((d) => !stillCut(d))
    this.held.splice(0, this.held.length, ...this.held.filter(stillCut))
    flowing.forEach((d, i) => this.at(this.step + 1 + Math.floor(i / 10), d))
  }

  /** Everything in flight, held and withheld arrives, whole. */
  deliverAll(): void {
    for (const device of [...this.cutOff]) this.reconnect(device)
    const pending = [...this.due.entries()].sort((a, b) => a[0] - b[0])
    for (const [, list] of pending) for (const d of list) this.arrive(d)
    this.due.clear()
    for (const d of this.withheld) this.arrive(d)
    this.withheld.length = 0
  }
}
