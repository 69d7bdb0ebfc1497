// How the renderer reaches main, for the shell's banner. IPC is always "open"; the WebSocket
// reports each state change of its connection.
import type { ConnectionState } from '../lib/transport/websocket'

export class ConnectionStore {
  kind = $state<'ipc' | 'websocket' | null>(null)
  state = $state.raw<ConnectionState>({ status: 'connecting', attempt: 0 })
  /** Set when no transport can be made at all (a served page opened without its token). */
  fatal = $state<string | null>(null)
  retryNow: () => void = () => {}
}
