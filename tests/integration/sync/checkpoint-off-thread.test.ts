import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createThreadJobs } from '../../../src/main/core/jobs/thread-jobs'
import type { Jobs } from '../../../src/main/core/ports'
import { CHECKPOINT_AFTER_WRITES } from '../../../src/main/core/sync/wal-relief'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const vaults: TestVault[] = []
let folder = ''
afterEach(() => {
  for (const v of vaults.splice(0)) v.cleanup()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

interface Seen {
  /** The main connection's wal_autocheckpoint when each checkpointer was asked for. */
  automaticThen: number[]
  outputs: Array<{ checkpoints: number; checkpointed: number }>
}

/** Real worker threads, watched: every checkpointer asked for, and what the main connection was set to then. */
function watchedJobs(main: () => TestVault, fail = false): { jobs: Jobs; seen: Seen } {
  const threads = createThreadJobs()
  const seen: Seen = { automaticThen: [], outputs: [] }
  const jobs: Jobs = {
    async run(request, options) {
      if (request.name !== 'vault.checkpointWhile') return threads.run(request, options)
      seen.automaticThen.push(main().core.vault.db().pragma('wal_autocheckpoint', { simple: true }) as number)
      if (fail) throw new Error('no worker today')
      const output = await threads.run(request, options)
      seen.outputs.push(output as Seen['outputs'][number])
      return output
    },
  }
  return { jobs, seen }
}

const bodies = (v: TestVault) =>
  v.core.reflections
    .list({ limit: 1000, before: null, tag: null })
    .map((r) => r.body)
    .sort()

async function twoWithWatchedDesk(fail = false) {
  folder = makeTempDir('between-sync-')
  let desk: TestVault | null = null
  const watched = watchedJobs(() => desk!, fail)
  const laptop = await createTestVault()
  desk = await createTestVault({ jobs: watched.jobs })
  vaults.push(laptop, desk)
  await laptop.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
  await desk.core.sync.enable({ folder, deviceName: 'Desk', passphrase: TEST_PASSPHRASE })
  return { laptop, desk, seen: watched.seen }
}

const write = (v: TestVault, count: number) => {
  for (let i = 0; i < count; i++) v.core.reflections.create({ body: `entry ${i}`, mood: 3, tags: [], sessionId: null, bringToSession: false })
}

describe('a long sync pass checkpoints in a worker, never on the main thread', () => {
  it('the main connection does not checkpoint by itself during the pass; a worker does, and afterwards the automatic checkpoint is back', async () => {
    const { laptop, desk, seen } = await twoWithWatchedDesk()
    const automatic = desk.core.vault.db().pragma('wal_autocheckpoint', { simple: true })
    write(laptop, 300)
    await laptop.core.sync.syncNow({})

    const pass = await desk.core.sync.syncNow({})
    expect(pass.appliedOps).toBeGreaterThan(CHECKPOINT_AFTER_WRITES)
    expect(seen.automaticThen).toEqual([0]) // one checkpointer for the pass, asked for while the main connection's was off
    expect(seen.outputs[0]!.checkpoints).toBeGreaterThan(0)
    expect(seen.outputs[0]!.checkpointed).toBeGreaterThan(0)
    expect(desk.core.vault.db().pragma('wal_autocheckpoint', { simple: true })).toBe(automatic)
    expect(bodies(desk)).toEqual(bodies(laptop))

    // A pass that applies one edit starts no worker.
    const asked = seen.automaticThen.length
    write(laptop, 1)
    await laptop.core.sync.syncNow({})
    expect((await desk.core.sync.syncNow({})).appliedOps).toBeGreaterThan(0)
    expect(seen.automaticThen.length).toBe(asked)
    expect(bodies(desk)).toEqual(bodies(laptop))
  })

  it('a checkpointer that fails fails nothing: the pass applies everything and the automatic checkpoint is back', async () => {
    const { laptop, desk, seen } = await twoWithWatchedDesk(true)
    const automatic = desk.core.vault.db().pragma('wal_autocheckpoint', { simple: true })
    write(laptop, 300)
    await laptop.core.sync.syncNow({})

    const pass = await desk.core.sync.syncNow({})
    expect(pass.aborted).toBe(false)
    expect(seen.automaticThen.length).toBeGreaterThan(0)
    expect(desk.core.vault.db().pragma('wal_autocheckpoint', { simple: true })).toBe(automatic)
    expect(bodies(desk)).toEqual(bodies(laptop))
  })
})
