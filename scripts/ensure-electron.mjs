/* eslint-disable no-console -- a command-line step: printing is its output */
// Runs before `npm start` and `npm run dev`: makes sure Electron's binary is on disk before
// electron-vite looks for it.
//
// Why: electron 45 no longer downloads its binary in a postinstall step (its package has an
// `install-electron` bin, and `require('electron')` fetches lazily), while electron-vite 6 reads
// node_modules/electron/path.txt directly and throws "Electron uninstall" when it is absent. So
// this script runs Electron's own installer (node_modules/electron/install.js, the bin behind
// `npx install-electron`), which downloads with @electron/get and so honours ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, electron_config_cache and ELECTRON_GET_USE_PROXY exactly as Electron
// documents them. `npm install` stays offline-safe: nothing is fetched until the app starts.
//
// When the binary cannot be had, it prints one paragraph (what is missing, the command to retry,
// the variables for a mirror or a zip you already have) and exits with EXIT_NO_ELECTRON.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

const EXIT_NO_ELECTRON = 3
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
const platform = process.env['ELECTRON_INSTALL_PLATFORM'] ?? process.env['npm_config_platform'] ?? process.platform
const arch = process.env['ELECTRON_INSTALL_ARCH'] ?? process.env['npm_config_arch'] ?? process.arch
const zipName = `electron-v${version}-${platform}-${arch}.zip`

/** The executable electron-vite will start: its own ELECTRON_EXEC_PATH, else dist/ + path.txt. */
function installedBinary() {
  const override = process.env['ELECTRON_EXEC_PATH']
  if (override) return existsSync(override) ? override : null
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** One of @electron/get's settings, read from the same places it reads them (.npmrc, env). */
function electronGetSetting(name) {
  return process.env[`npm_config_electron_${name}`] ?? process.env[`NPM_CONFIG_ELECTRON_${name.toUpperCase()}`] ?? process.env[`ELECTRON_${name.toUpperCase()}`]
}

/** Where @electron/get looks for the zip before downloading it (its cache is keyed by the URL's folder). */
function cachedZipPath() {
  const home = homedir()
  const root =
    process.env['electron_config_cache'] ??
    (process.platform === 'darwin'
      ? join(home, 'Library', 'Caches', 'electron')
      : process.platform === 'win32'
        ? join(process.env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'electron', 'Cache')
        : join(process.env['XDG_CACHE_HOME'] ?? join(home, '.cache'), 'electron'))
  const folder = `${electronGetSetting('mirror') ?? DEFAULT_MIRROR}${(electronGetSetting('custom_dir') ?? `v${version}`).replace('{{ version }}', version)}`
  return join(root, createHash('sha256').update(new URL(folder).toString()).digest('hex'), zipName)
}

/** The last line of the installer's error output: the cause (e.g. "connect ECONNREFUSED"), never a stack. */
function causeOf(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^\{|^\}/.test(line))
  const cause = lines.find((line) => /ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|HTTPError|Response code|checksum/i.test(line)) ?? lines.at(-1)
  if (!cause) return 'the installer gave no reason'
  // Node's fetch reports every network failure (refused, no DNS, proxy) as "fetch failed".
  return /fetch failed/.test(cause) ? 'no connection: fetch failed' : cause.slice(0, 200)
}

function explain(cause) {
  const mirror = electronGetSetting('mirror') ?? DEFAULT_MIRROR
  console.error(
    [
      '',
      `Between cannot start: the Electron ${version} runtime for ${platform}-${arch} (${zipName}, about 110 MB) is not in`,
      `node_modules/electron/dist, and downloading it from ${mirror} failed (${cause}).`,
      'Once you are online, retry with `npm start` (or fetch only the runtime with `npx install-electron`).',
      'To download from a mirror, set ELECTRON_MIRROR (e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) and, if its',
      'folders are not named v<version>, ELECTRON_CUSTOM_DIR; behind a proxy, set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY.',
      `To use a zip you already have, copy it to ${cachedZipPath()}`,
      '(electron_config_cache moves that cache folder), or point ELECTRON_EXEC_PATH at an unpacked Electron executable.',
      'See docs/packaging.md.',
      '',
    ].join('\n'),
  )
}

if (installedBinary()) process.exit(0)
if (process.env['ELECTRON_EXEC_PATH']) {
  console.error(`\nBetween cannot start: ELECTRON_EXEC_PATH names ${process.env['ELECTRON_EXEC_PATH']}, which does not exist. Point it at an unpacked Electron ${version} executable, or unset it to let \`npm start\` download Electron.\n`)
  process.exit(EXIT_NO_ELECTRON)
}

console.log(`Electron ${version} is not installed yet: downloading ${zipName} once (install-electron)...`)
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  encoding: 'utf8',
  stdio: ['ignore', 'inherit', 'pipe'],
})
if (result.status === 0 && installedBinary()) process.exit(0)
explain(result.error ? result.error.message : causeOf(result.stderr ?? ''))
process.exit(EXIT_NO_ELECTRON)
