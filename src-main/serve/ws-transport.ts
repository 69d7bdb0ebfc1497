// The contract over a WebSocket: JSON requests `{id, channel, payload}` answered by
// `{id, envelope}`, and every service event pushed to every connected page.
import type { WebSocket, WebSocketServer } from 'ws'
import type { WsServerMessage } from '@shared/contract'
import { dispatch, type Handlers } from '../services/api-dispatch'
import type { EventBus } from '../services/event-bus'

export function attachWsTransport(
  wss: WebSocketServer,
  handlers: Handlers,
  events: EventBus,
): () => void {
  const sendTo = (ws: WebSocket, message: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      void handleMessage(ws, isBinary ? null : data.toString())
    })
  })

  async function handleMessage(ws: WebSocket, text: string | null): Promise<void> {
    let message: unknown
    try {
      message = text === null ? null : JSON.parse(text)
    } catch {
      message = null
    }
    if (!isClientMessage(message)) {
      ws.close(1003, 'Messages must be JSON {id, channel, payload}')
      return
    }
    sendTo(ws, {
      id: message.id,
      envelope: await dispatch(handlers, message.channel, message.payload),
    })
  }

  return events.subscribe((event, payload) => {
    for (const client of wss.clients) sendTo(client, { event, payload })
  })
}

function isClientMessage(
  value: unknown,
): value is { id: number; channel: string; payload: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return Number.isSafeInteger(v.id) && typeof v.channel === 'string'
}
