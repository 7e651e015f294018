import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * scripts/ensure-electron.mjs, the step before `npm start` / `npm run dev`, run for real in a
 * throw-away checkout: the script itself, Electron's real package files (install.js and its
 * checksums), and the real @electron/get. The download is made to fail by pointing
 * ELECTRON_MIRROR at a closed port on this machine: no network is used.
 */

const root = process.cwd()
const temp = mkdtempSync(join(tmpdir(), 'between-ensure-electron-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function checkout(name: string): { dir: string; electronDir: string } {
  const dir = join(temp, name)
  const electronDir = join(dir, 'node_modules', 'electron')
  mkdirSync(join(dir, 'scripts'), { recursive: true })
  mkdirSync(electronDir, { recursive: true })
  copyFileSync(join(root, 'scripts', 'ensure-electron.mjs'), join(dir, 'scripts', 'ensure-electron.mjs'))
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) {
    copyFileSync(join(root, 'node_modules', 'electron', file), join(electronDir, file))
  }
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(join(root, 'node_modules', scope), join(dir, 'node_modules', scope), 'dir')
  return { dir, electronDir }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function run(dir: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(ELECTRON_|electron_config_|npm_config_electron_)/i.test(key)))
  return spawnSync(process.execPath, [join(dir, 'scripts', 'ensure-electron.mjs')], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 60_000 })
}

describe('ensure-electron (before npm start)', () => {
  it('without the binary and with the download refused, explains in one paragraph and exits 3', async () => {
    const { dir, electronDir } = checkout('offline')
    const cache = join(temp, 'cache')
    const result = run(dir, { ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, electron_config_cache: cache })
    const output = `${result.stdout}${result.stderr}`

    expect(result.status).toBe(3)
    expect(output).not.toContain('Electron uninstall')
    expect(result.stderr).toContain('Between cannot start: the Electron 45.5.0 runtime')
    expect(result.stderr).toContain('no connection')
    expect(result.stderr).toContain('retry with `npm start`')
    for (const variable of ['ELECTRON_MIRROR', 'ELECTRON_CUSTOM_DIR', 'electron_config_cache', 'ELECTRON_EXEC_PATH']) expect(result.stderr).toContain(variable)
    // The zip's place in the cache that @electron/get reads, under the cache folder given.
    expect(result.stderr).toMatch(new RegExp(`${cache.replace(/[/\\]/g, '.')}.[0-9a-f]{64}.electron-v45\\.5\\.0-`))
    // One paragraph, no stack trace.
    expect(result.stderr.trim().split('\n\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/^\s+at /m)
    // Nothing half-installed is left behind.
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
    expect(readdirSync(electronDir).sort()).toEqual(['checksums.json', 'index.js', 'install.js', 'package.json'])
  })

  it('runs before electron-vite needs the binary (start, dev), and npm install downloads nothing', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    for (const script of ['start', 'dev']) expect(pkg.scripts[script]).toMatch(/^node scripts\/ensure-electron\.mjs && electron-vite /)
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined()
  })

  it('with the binary in place, does nothing and exits 0 (no download attempted)', async () => {
    const { dir, electronDir } = checkout('installed')
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist', 'electron'), '')
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    const result = run(dir, { ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` })
    expect(result.status).toBe(0)
    expect(`${result.stdout}${result.stderr}`).toBe('')
  })

  it("accepts electron-vite's ELECTRON_EXEC_PATH when it names an existing file", async () => {
    const { dir } = checkout('exec-path')
    const binary = join(temp, 'unpacked-electron')
    writeFileSync(binary, '')
    expect(run(dir, { ELECTRON_EXEC_PATH: binary }).status).toBe(0)
    const wrong = run(dir, { ELECTRON_EXEC_PATH: join(temp, 'no-such-electron') })
    expect(wrong.status).toBe(3)
    expect(wrong.stderr).toContain('ELECTRON_EXEC_PATH names')
    expect(wrong.stdout).not.toContain('downloading')
  })
})
