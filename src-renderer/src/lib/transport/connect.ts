// Picks the transport once at start: the Electron preload's bridge when it is there, otherwise
// the WebSocket of `frontier serve`, authenticated by the token the served URL carried.
import { WS_PATH, type FrontierApi } from '@shared/contract'
import { createIpcApi } from './ipc'
import { browserSocket } from './socket'
import { socketUrl, takeToken } from './token'
import { WsTransport, type ConnectionState } from './websocket'

export interface ConnectHooks {
  onState(state: ConnectionState): void
  onReconnect(): void
}

export type Connection =
  | { ok: true; kind: 'ipc' | 'websocket'; api: FrontierApi; retryNow(): void }
  | { ok: false; message: string }

export function connect(win: Window, hooks: ConnectHooks): Connection {
  if (win.frontier) {
    hooks.onState({ status: 'open' })
    return { ok: true, kind: 'ipc', api: createIpcApi(win.frontier), retryNow: () => {} }
  }
  const token = takeToken({
    location: win.location,
    storage: win.sessionStorage,
    history: win.history,
  })
  if (!token) {
    return {
      ok: false,
      message:
        'This page has no access token. Open the address that `frontier serve` printed ' +
        '(it ends in ?token=…).',
    }
  }
  const transport = new WsTransport({
    url: socketUrl(win.location, WS_PATH, token),
    createSocket: browserSocket,
    onState: hooks.onState,
    onReconnect: hooks.onReconnect,
  })
  transport.start()
  return { ok: true, kind: 'websocket', api: transport, retryNow: () => transport.retryNow() }
}
