/**
 * Where a worker thread's file is, the same way in development, in a checkout's build and in the
 * packaged app (inside app.asar). Electron-free, so core modules and their tests use it as is.
 *
 * The pattern, for every worker (the KDF today, the jobs worker next):
 *  1. the worker's source is `<name>.worker.ts` beside the module that starts it, with only
 *     erasable TypeScript (Node strips the types when it runs the source);
 *  2. electron.vite.config.ts lists it as its own main entry, `'<name>.worker': resolve(...)`,
 *     and names worker entries `[name].mjs`: the build emits out/main/<name>.worker.mjs, an ES
 *     module beside out/main/index.js (.mjs needs no package.json to say it is ESM); code it
 *     shares with the app, and what it imports only when a job starts (jobs/job-tasks.ts), are
 *     chunks beside it too (`./<chunk>.js`), so a worker finds them wherever the build is;
 *  3. the module that starts it calls `workerUrl('<name>', new URL('./<name>.worker.ts', import.meta.url))`.
 *
 * Built, this helper is inlined into out/main/index.js, so its own import.meta.url is the bundle
 * and the worker is the bundle's sibling; there is no fallback to the .ts (a build without the
 * worker fails at once, in the tests, rather than on a person's desktop). From the sources
 * (vitest, tsx) this file is a .ts and the worker's source runs.
 */
export const WORKER_EXTENSION = '.worker.mjs'

/** Where the bundle looks for a worker named `name`: `./<name>.worker.mjs` beside it. */
export function builtWorkerUrl(name: string, bundleUrl: string | URL): URL {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error('WORKER_NAME_INVALID')
  return new URL(`./${name}${WORKER_EXTENSION}`, bundleUrl)
}

/**
 * The worker's file. `source` is the worker's .ts (used only when running from the sources);
 * `self` is this module's URL, a parameter only so tests can play the bundle.
 */
export function workerUrl(name: string, source: URL, self: string = import.meta.url): URL {
  return new URL(self).pathname.endsWith('.ts') ? source : builtWorkerUrl(name, self)
}
