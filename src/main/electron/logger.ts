import type { Logger } from '../core/ports'

/**
 * The main process log: a code and a few short tokens (channel names, error names), one line
 * each, to stderr. A detail value that does not look like a token is replaced, so user content
 * cannot reach the log even by mistake. No console.*: lint forbids it in src/main.
 */

const TOKEN = /^[A-Za-z0-9_.:/-]{0,64}$/

const clean = (value: string | number | boolean): string | number | boolean =>
  typeof value === 'string' && !TOKEN.test(value) ? '[redacted]' : value

export function formatLogLine(
  level: 'error' | 'warn',
  code: string,
  detail: Record<string, string | number | boolean> | undefined,
  now: Date,
): string {
  const safeCode = TOKEN.test(code) ? code : 'INVALID_LOG_CODE'
  const parts = Object.entries(detail ?? {})
    .filter(([key]) => TOKEN.test(key))
    .map(([key, value]) => `${key}=${String(clean(value))}`)
  return `${now.toISOString()} ${level.toUpperCase()} ${safeCode}${parts.length ? ` ${parts.join(' ')}` : ''}\n`
}

export function createMainLogger(
  write: (line: string) => void = (line) => {
    process.stderr.write(line)
  },
  now: () => Date = () => new Date(),
): Logger {
  return {
    error: (code, detail) => write(formatLogLine('error', code, detail, now())),
    warn: (code, detail) => write(formatLogLine('warn', code, detail, now())),
  }
}
