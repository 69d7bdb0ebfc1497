// The transport talks to a socket through these few calls, so that tests can drive it with a
// fake and the browser's WebSocket stays behind one adapter.

export interface SocketHandlers {
  open(): void
  message(data: string): void
  /** Called once, whether the socket failed to open or dropped later. */
  close(reason: string): void
}

export interface SocketHandle {
  send(data: string): void
  close(): void
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle

export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url)
  ws.onopen = () => handlers.open()
  ws.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.message(event.data)
  }
  // An error event carries no detail in browsers and is always followed by close, so only the
  // close event reports.
  ws.onclose = (event) => handlers.close(event.reason || closeReason(event.code))
  return {
    send: (data) => ws.send(data),
    close: () => ws.close(),
  }
}

function closeReason(code: number): string {
  if (code === 1006) return 'the server could not be reached'
  if (code === 1000) return 'the server closed the connection'
  return `connection closed (code ${code})`
}
