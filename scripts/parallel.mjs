// Runs npm scripts side by side, as many at a time as the machine has cores, in the order given
// (put the longest first). Each script's output is printed in one piece when it ends, so logs
// never interleave. Exits non-zero if any script failed, after all of them have ended.
//
//   node scripts/parallel.mjs lint typecheck:node build
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  process.stderr.write('usage: node scripts/parallel.mjs <npm script> [<npm script> …]\n')
  process.exit(2)
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(npm, ['run', '-s', script], { shell: process.platform === 'win32', env: process.env })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const ok = code === 0
      process.stdout.write(`── ${script}: ${ok ? 'ok' : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s\n`)
      process.stdout.write(Buffer.concat(output))
      resolve(ok)
    })
  })
}

const queue = [...scripts]
const failed = []
async function lane() {
  for (let script = queue.shift(); script !== undefined; script = queue.shift()) {
    if (!(await run(script))) failed.push(script)
  }
}

await Promise.all(Array.from({ length: Math.min(availableParallelism(), scripts.length) }, lane))
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`)
  process.exit(1)
}
