import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Bridge } from '../shared/ipc/bridge'
import { RPC_EVENT, RPC_INVOKE, type PushMessage } from '../shared/ipc/transport'

/**
 * Transport only (DESIGN.md): window.bridge = { invoke, on } and nothing else. No raw
 * ipcRenderer reaches the page, and listeners get the payload, never the IPC event object.
 * Built as CommonJS because the window is sandboxed (electron.vite.config.ts).
 */
const bridge = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(RPC_INVOKE, channel, input),
  on(event: string, listener: (payload: never) => void) {
    const forward = (_ipcEvent: IpcRendererEvent, message: PushMessage): void => {
      if (message !== null && typeof message === 'object' && message.event === event) {
        listener(message.payload as never)
      }
    }
    ipcRenderer.on(RPC_EVENT, forward)
    return () => {
      ipcRenderer.removeListener(RPC_EVENT, forward)
    }
  },
} satisfies Bridge

contextBridge.exposeInMainWorld('bridge', bridge)
