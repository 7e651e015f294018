import { describe, expect, it, vi } from 'vitest'
import { shellContract } from '../../../shared/ipc/contracts/shell'
import { uiContract } from '../../../shared/ipc/contracts/ui'
import { callSlice } from './call-slice.test-helper'
import type { ShellPort } from './shell-port'
import { shellHandlers, uiHandlers } from './shell.handlers'

const setup = (allowed: string | null, openFails = false) => {
  const shell: ShellPort = {
    openExternal: vi.fn(async () => {
      if (openFails) throw new Error('no handler for sms:')
    }),
    writeClipboard: vi.fn(),
    activity: vi.fn(),
    flushed: vi.fn(),
  }
  const links = { vet: vi.fn(async () => allowed) }
  const handlers = { ...shellHandlers(links, shell), ...uiHandlers(shell) }
  const contract = { ...shellContract, ...uiContract }
  return { shell, links, call: (channel: keyof typeof handlers, input: unknown) => callSlice(contract, handlers, channel, input) }
}

describe('shell handlers', () => {
  it('opens only the vetted URL, never the raw one', async () => {
    const { call, shell } = setup('tel:999')
    expect(await call('shell.openExternal', { url: 'tel:9-9-9' })).toEqual({ ok: true, value: { opened: true } })
    expect(shell.openExternal).toHaveBeenCalledWith('tel:999')
  })

  it('refused URL: opened false, nothing handed to the OS', async () => {
    const { call, shell } = setup(null)
    expect(await call('shell.openExternal', { url: 'file:///etc/passwd' })).toEqual({ ok: true, value: { opened: false } })
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('an OS failure is opened: false, not an error', async () => {
    const { call } = setup('sms:999', true)
    expect(await call('shell.openExternal', { url: 'sms:999' })).toEqual({ ok: true, value: { opened: false } })
  })

  it('clipboard.write goes through the port; ui signals are forwarded', async () => {
    const { call, shell } = setup(null)
    expect(await call('clipboard.write', { text: 'hello' })).toEqual({ ok: true, value: { written: true } })
    expect(shell.writeClipboard).toHaveBeenCalledWith('hello')
    expect(await call('ui.activity', {})).toEqual({ ok: true, value: { received: true } })
    expect(await call('ui.flushed', { token: 't1' })).toEqual({ ok: true, value: { received: true } })
    expect(shell.activity).toHaveBeenCalledTimes(1)
    expect(shell.flushed).toHaveBeenCalledWith('t1')
    expect((await call('ui.flushed', {})).ok).toBe(false)
  })
})
