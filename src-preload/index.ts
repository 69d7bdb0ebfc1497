// The bridge: one method per channel and one subscription per event, nothing else. No generic
// ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channels, eventNames } from '@shared/contract'

const bridge: Record<string, unknown> = {}
for (const channel of Object.keys(channels)) {
  bridge[channel] = (payload: unknown) => ipcRenderer.invoke(channel, payload)
}
for (const event of eventNames) {
  bridge[`on:${event}`] = (listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  }
}
contextBridge.exposeInMainWorld('frontier', bridge)
