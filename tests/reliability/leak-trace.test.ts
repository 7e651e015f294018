import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { childScriptArgs } from '../helpers/child-scripts'
import { filesContaining } from '../helpers/data-dir'
import { makeTempDir } from '../helpers/test-vault'

const WORKER = fileURLToPath(new URL('./leak-worker.ts', import.meta.url))
const STRACE = '/usr/bin/strace'
const MARKER = 'leakMarkerZq9'

/** strace -xx prints written bytes as \xNN: the marker as it would appear in a write. */
const asTraceHex = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')

describe.skipIf(!existsSync(STRACE))('no plaintext in any file write (strace)', () => {
  it('writing, sorting, grouping, searching and deleting with a tiny page cache writes the marker nowhere', () => {
    const dir = makeTempDir('between-leak-')
    const trace = join(dir, 'trace.txt')
    const dataDir = join(dir, 'vault')
    try {
      const run = spawnSync(
        STRACE,
        ['-f', '-qq', '-e', 'trace=write,pwrite64,writev,pwritev,pwritev2', '-xx', '-s', '16384', '-o', trace, process.execPath, ...childScriptArgs(WORKER)],
        { env: { ...process.env, BETWEEN_DATA_DIR: dataDir, LEAK_MARKER: MARKER }, encoding: 'utf8', timeout: 240_000 },
      )
      expect(run.status, run.stderr).toBe(0)
      const traced = readFileSync(trace)
      expect(traced.length).toBeGreaterThan(100_000) // the database writes were traced
      expect(traced.includes(asTraceHex(MARKER))).toBe(false)
      expect(traced.includes(MARKER)).toBe(false)
      expect(filesContaining(dataDir, MARKER)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the trace would see a plaintext write (control)', () => {
    const dir = makeTempDir('between-leak-control-')
    const trace = join(dir, 'trace.txt')
    try {
      const run = spawnSync(STRACE, ['-f', '-qq', '-e', 'trace=write,pwrite64', '-xx', '-s', '65536', '-o', trace, process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(join(tmpdir(), `between-control-${process.pid}`))}, ${JSON.stringify(MARKER)})`], { encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      expect(readFileSync(trace, 'utf8').includes(asTraceHex(MARKER))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      rmSync(join(tmpdir(), `between-control-${process.pid}`), { force: true })
    }
  })
})
