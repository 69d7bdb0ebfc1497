// Incoming frames are checked before use: a malformed frame is dropped (and logged) rather than
// resolving a request with garbage.
import type { Envelope, EventName, WsServerMessage } from '@shared/contract'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (!isObject(v) || typeof v.ok !== 'boolean') return false
  if (v.ok) return 'result' in v
  return (
    isObject(v.error) && typeof v.error.code === 'string' && typeof v.error.message === 'string'
  )
}

export function parseServerMessage(raw: string): WsServerMessage | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return null
  }
  if (!isObject(parsed)) return null
  if (typeof parsed.id === 'number' && isEnvelope(parsed.envelope)) {
    return { id: parsed.id, envelope: parsed.envelope }
  }
  if (typeof parsed.event === 'string' && 'payload' in parsed) {
    return { event: parsed.event as EventName, payload: parsed.payload }
  }
  return null
}
