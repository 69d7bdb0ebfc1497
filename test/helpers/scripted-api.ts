// A FrontierApi for store tests: each request waits until the test answers it (so answers can be
// made to overtake each other or events), and events are emitted on demand.
import type { Envelope, EventName, Events, FrontierApi } from '@shared/contract'

/** Holds each request until the test answers it, and emits events on demand. */
export class ScriptedApi implements FrontierApi {
  pending: { channel: string; payload: unknown; answer: (e: Envelope<unknown>) => void }[] = []
  listeners = new Map<string, ((p: unknown) => void)[]>()

  request(channel: string, payload: unknown): Promise<never> {
    return new Promise((answer) => this.pending.push({ channel, payload, answer: answer as never }))
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const list = this.listeners.get(event) ?? []
    list.push(listener as (p: unknown) => void)
    this.listeners.set(event, list)
    return () => list.splice(list.indexOf(listener as (p: unknown) => void), 1)
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload)
  }

  /** Answers the oldest pending request on `channel`. */
  answer(channel: string, result: unknown, ok = true): unknown {
    const at = this.pending.findIndex((p) => p.channel === channel)
    if (at < 0) throw new Error(`no pending ${channel}`)
    const [p] = this.pending.splice(at, 1)
    p.answer(ok ? { ok: true, result } : { ok: false, error: result as never })
    return p.payload
  }
}
