import type { Core } from '../index'

async function syncPass(core: Core, rejoin: boolean) {
  const result = await core.sync.syncNow({ rejoin })
  const arriving = result.waiting.filter((w) => w.reason !== 'compacted').length
  return { sent: result.sent, appliedFiles: result.appliedFiles, appliedOps: result.appliedOps, waitingDevices: arriving, rejoinNeeded: result.rejoinNeeded, stopped: result.aborted }
}

export const syncHandlers = (core: Core) => ({
  'sync.status': () => core.sync.status(),
  'sync.chooseFolder': () => core.sync.chooseFolder(),
  'sync.enable': (input: { deviceName: string; passphrase: string }) => core.sync.enable(input),
  'sync.now': () => syncPass(core, false),
  'sync.rejoin': () => syncPass(core, true),
  'sync.removeDevice': (input: { deviceId: string; passphrase: string }) => core.sync.removeDevice(input),
  'sync.disable': () => core.sync.disable(),
  'sync.history': (input: Parameters<typeof core.sync.history>[0]) => ({ entries: core.sync.history(input).map((e) => ({ ...e, value: typeof e.value === 'object' && e.value !== null ? JSON.stringify(e.value) : e.value })) }),
})
