// What the built main bundle did, in order, written as JSON to BETWEEN_BOOT_REPORT when the
// stand-in's app quits (or the process exits), for built-main.test.ts to read.
import { writeFileSync } from 'node:fs'

const steps = []
let written = false

/** One step: a name and a small, JSON-safe detail. */
export function record(name, detail = null) {
  steps.push({ name, detail })
}

export function writeReport() {
  if (written || !process.env['BETWEEN_BOOT_REPORT']) return
  written = true
  writeFileSync(process.env['BETWEEN_BOOT_REPORT'], JSON.stringify(steps, null, 1))
}

process.on('exit', writeReport)
