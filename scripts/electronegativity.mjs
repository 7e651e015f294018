/* eslint-disable no-console -- a command-line gate: printing is its output */
// npm run lint:security — electronegativity over src/, as a gate.
//
// electronegativity is unmaintained and advisory (TOOLCHAIN.md): our own tests of the window
// options and session handlers (src/main/electron/*.test.ts) are the real check. This wrapper
// makes it usable as a gate:
//  - runs it in-process for Electron 45.5.0 (the `-e 45.5.0` of the CLI), fully offline: its
//    `got` HTTP client is replaced by one that fails at once (the CLI fetches translations and
//    Electron release lists from GitHub, and crashes on the failed retry when offline), and the
//    AvailableSecurityFixesGlobalCheck, which needs that network, is excluded;
//  - fails on every "Error parsing" (a file it could not read is a file it did not check);
//  - fails on every finding of severity MEDIUM or HIGH, whatever its confidence, unless it is
//    one of the reviewed findings below (check id + file, each with its reason). MEDIUM/HIGH
//    are the misconfigurations that matter (nodeIntegration, contextIsolation, sandbox, web
//    security, navigation, openExternal); LOW and INFORMATIONAL findings are printed only:
//    they are hints (e.g. the meta CSP in index.html, whose real policy is the header set by
//    src/main/electron/protocol.ts) and too noisy to gate on.
import Module, { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const ELECTRON_VERSION = '45.5.0'
const INPUT = resolve(process.cwd(), process.argv[2] ?? 'src')
const FAIL_AT = 2 // electronegativity severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

/** Reviewed MEDIUM+ findings: `${checkId} ${file relative to src}` -> why it is fine. */
const REVIEWED = new Map([
  [
    'OPEN_EXTERNAL_JS_CHECK main/electron/external-links.ts',
    'The one call to shell.openExternal: the URL was vetted by the core against the addresses the person recorded, and is re-checked here against mailto:/sms:/tel:/https:.',
  ],
  [
    'PRELOAD_JS_CHECK main/electron/window.ts',
    'src/preload/index.ts exposes only bridge.invoke/bridge.on over two fixed channels, never ipcRenderer or the IPC event (tested in src/preload/index.test.ts).',
  ],
  [
    'OPEN_EXTERNAL_JS_CHECK main/core/shell/shell.handlers.ts',
    "Calls the ShellPort (not Electron's shell) with the URL returned by links.vet() on the line above.",
  ],
])

const require = createRequire(import.meta.url)
const originalLoad = Module._load
Module._load = function load(request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('electronegativity runs offline'))
    return Object.assign(offline, { default: offline, get: offline })
  }
  return originalLoad.call(this, request, parent, isMain)
}
// Its i18n module prints a notice when the (disabled) translation download fails.
const log = console.log
console.log = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Could not retrieve updated translations')) return
  log(...args)
}

if (!existsSync(INPUT)) {
  console.error(`lint:security: ${INPUT} does not exist`)
  process.exit(1)
}

const run = require('@doyensec/electronegativity/dist/runner.js')
const result = await run(
  {
    input: INPUT,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  },
  false,
)
console.log = log

let failed = false
const fail = (line) => {
  failed = true
  console.error(`FAIL ${line}`)
}

if (result.atomicChecks + result.globalChecks === 0) fail('no checks were loaded')
for (const error of result.errors) {
  if (error.tolerable) console.log(`warn Tolerable error parsing ${error.file} - ${error.message}`)
  else fail(`Error parsing ${error.file} - ${error.message}`)
}

const seenReviewed = new Set()
for (const issue of result.issues) {
  const key = `${issue.id} ${issue.file}`
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`
  const label = `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where}`
  if (issue.severity.value < FAIL_AT) {
    console.log(`note ${label}`)
  } else if (REVIEWED.has(key)) {
    seenReviewed.add(key)
    console.log(`reviewed ${label} — ${REVIEWED.get(key)}`)
  } else {
    fail(`${label}${issue.manualReview ? ' (manual review)' : ''} ${issue.shortenedURL ?? ''}`)
  }
}
for (const key of REVIEWED.keys()) {
  if (!seenReviewed.has(key)) console.log(`note reviewed finding no longer reported (remove it from the list?): ${key}`)
}

console.log(
  `lint:security: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${ELECTRON_VERSION}, ` +
    `${result.issues.length} findings, ${result.errors.filter((e) => !e.tolerable).length} parse errors: ${failed ? 'FAILED' : 'ok'}`,
)
process.exit(failed ? 1 : 0)
