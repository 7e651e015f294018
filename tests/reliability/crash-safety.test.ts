import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core'
import { childScriptArgs } from '../helpers/child-scripts'
import { CHEAP_KDF, makeTempDir, TEST_PASSPHRASE } from '../helpers/test-vault'
import { seeded } from '../../bench/dataset'

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url))
const KILLS = 30

interface Round {
  acked: number[]
}

/** Starts the writer, lets it run for `ms` after it is ready, kills it with SIGKILL. */
function runAndKill(dataDir: string, mode: string, start: number, ms: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childScriptArgs(WRITER), {
      env: { ...process.env, BETWEEN_DATA_DIR: dataDir, WRITER_MODE: mode, WRITER_START: String(start) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let buffered = ''
    const acked: number[] = []
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      let newline: number
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline)
        buffered = buffered.slice(newline + 1)
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), ms)
        else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)))
      }
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve({ acked }) : reject(new Error(`writer exited without being killed (${signal})`))))
  })
}

/** Kills a writer KILLS times at random moments; returns how many acknowledged saves were lost. */
async function tortureTest(mode: string, seed: number): Promise<{ lost: number; acked: number }> {
  const dataDir = makeTempDir('between-crash-')
  try {
    const creator = createCore({ dataDir, kdfCost: CHEAP_KDF })
    await creator.vault.create(TEST_PASSPHRASE)
    creator.close() // one process owns a vault: the writer could not open it otherwise

    const random = seeded(seed)
    let next = 0
    let lost = 0
    let ackedTotal = 0
    for (let round = 0; round < KILLS; round++) {
      const { acked } = await runAndKill(dataDir, mode, next, 20 + Math.floor(random() * 250))
      ackedTotal += acked.length
      next += acked.length + 1000 // leave room: an unacknowledged save may still have landed
      const core = createCore({ dataDir, kdfCost: CHEAP_KDF })
      await core.vault.unlock({ passphrase: TEST_PASSPHRASE }) // proves the vault opens (quick_check)
      const bodies = new Set(core.vault.db().prepare('SELECT body FROM reflections').pluck().all() as string[])
      lost += acked.filter((n) => !bodies.has(`acknowledged save ${n}`)).length
      core.close()
    }
    return { lost, acked: ackedTotal }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('crash safety: SIGKILL at random moments', () => {
  let correctWriter: { lost: number; acked: number }
  let wrongWriter: { lost: number; acked: number }
  // The two writers, each on a vault of its own, side by side: a writer's start and the check of
  // what it left are mostly waits (a process starting, fsyncs), which the other fills.
  beforeAll(async () => {
    ;[correctWriter, wrongWriter] = await Promise.all([tortureTest('correct', 1), tortureTest('ack-before-commit', 2)])
  }, 300_000)

  it(`loses no acknowledged save over ${KILLS} kills, and the vault always opens`, () => {
    expect(correctWriter.acked).toBeGreaterThan(KILLS) // the writer really wrote between kills
    expect(correctWriter.lost).toBe(0)
  })

  it('the same harness catches a writer that acknowledges before committing', () => {
    expect(wrongWriter.acked).toBeGreaterThan(KILLS)
    expect(wrongWriter.lost).toBeGreaterThan(0)
  })
})
