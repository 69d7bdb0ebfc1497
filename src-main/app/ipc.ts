// The contract over Electron IPC: every channel is an `invoke` handler going through the same
// dispatch as the WebSocket transport; events go to every window.
import { BrowserWindow, ipcMain } from 'electron'
import { channels } from '@shared/contract'
import { dispatch } from '../services/api-dispatch'
import { createHandlers } from '../services/api-handlers'
import type { ServiceHost } from '../services/create-services'

export function registerIpc(host: ServiceHost): void {
  const handlers = createHandlers(host.services, 'ipc')
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (_event, payload: unknown) => dispatch(handlers, channel, payload))
  }
  host.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload)
  })
}
