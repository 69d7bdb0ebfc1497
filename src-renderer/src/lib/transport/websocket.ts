// Browser-mode transport for `frontier serve`: JSON frames over one WebSocket. Requests made
// while the first connection (or a reconnection) is opening wait for it; requests in flight when
// the connection drops fail with CONNECTION_LOST, and the transport keeps trying to reconnect
// with a capped backoff so that a restarted server is picked up without a reload.
import type {
  Channel,
  Envelope,
  EventName,
  Events,
  FrontierApi,
  RequestOf,
  ResponseOf,
  WsClientMessage,
} from '@shared/contract'
import { TRANSPORT_ERRORS } from '../api-error'
import type { SocketFactory, SocketHandle } from './socket'
import { parseServerMessage } from './ws-messages'

export type ConnectionState =
  | { status: 'connecting'; attempt: number }
  | { status: 'open' }
  | { status: 'lost'; attempt: number; retryAt: number; reason: string }

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

export interface WsTransportOptions {
  url: string
  createSocket: SocketFactory
  onState?: (state: ConnectionState) => void
  /** Called after a dropped connection is back, so views can reload what they may have missed. */
  onReconnect?: () => void
  timers?: Timers
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

/** Wait before reconnect attempt n (1-based): 0.5 s, 1 s, 2 s, … capped at 10 s. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt - 1))
}

type Resolver = (envelope: Envelope<unknown>) => void

export class WsTransport implements FrontierApi {
  readonly #options: WsTransportOptions
  readonly #timers: Timers
  readonly #pending = new Map<number, Resolver>()
  readonly #queue: { id: number; text: string }[] = []
  readonly #listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  #socket: SocketHandle | null = null
  #state: ConnectionState = { status: 'connecting', attempt: 0 }
  #nextId = 1
  #attempt = 0
  #everOpened = false
  #retryTimer: unknown = null
  #disposed = false

  constructor(options: WsTransportOptions) {
    this.#options = options
    this.#timers = options.timers ?? defaultTimers
  }

  get state(): ConnectionState {
    return this.#state
  }

  start(): void {
    this.#connect()
  }

  /** Skip the backoff wait (the banner's "Reconnect now"). */
  retryNow(): void {
    if (this.#state.status !== 'lost') return
    this.#timers.clearTimeout(this.#retryTimer)
    this.#connect()
  }

  dispose(): void {
    this.#disposed = true
    this.#timers.clearTimeout(this.#retryTimer)
    this.#socket?.close()
    this.#failAll('the connection was closed')
  }

  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Envelope<ResponseOf<C>>> {
    const id = this.#nextId++
    const frame: WsClientMessage = { id, channel, payload }
    const text = JSON.stringify(frame)
    return new Promise((resolve) => {
      if (this.#state.status === 'lost') {
        resolve(lost(`not connected: ${this.#state.reason}`))
        return
      }
      this.#pending.set(id, resolve as Resolver)
      if (this.#state.status === 'open') this.#send(id, text)
      else this.#queue.push({ id, text })
    })
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.#listeners.get(event)
    if (!set) {
      set = new Set()
      this.#listeners.set(event, set)
    }
    const wrapped = listener as (payload: unknown) => void
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  #setState(state: ConnectionState) {
    this.#state = state
    this.#options.onState?.(state)
  }

  #connect() {
    if (this.#disposed) return
    this.#setState({ status: 'connecting', attempt: this.#attempt })
    this.#socket = this.#options.createSocket(this.#options.url, {
      open: () => this.#opened(),
      message: (data) => this.#received(data),
      close: (reason) => this.#closed(reason),
    })
  }

  #opened() {
    const reconnected = this.#everOpened
    this.#everOpened = true
    this.#attempt = 0
    this.#setState({ status: 'open' })
    const queued = this.#queue.splice(0)
    for (const { id, text } of queued) this.#send(id, text)
    if (reconnected) this.#options.onReconnect?.()
  }

  #received(data: string) {
    const message = parseServerMessage(data)
    if (!message) {
      console.warn('frontier: dropped a malformed frame from the server')
      return
    }
    if ('id' in message) {
      const resolve = this.#pending.get(message.id)
      this.#pending.delete(message.id)
      resolve?.(message.envelope)
      return
    }
    for (const listener of this.#listeners.get(message.event) ?? []) listener(message.payload)
  }

  #closed(reason: string) {
    this.#socket = null
    this.#failAll(reason)
    if (this.#disposed) return
    this.#attempt += 1
    const wait = backoffMs(this.#attempt)
    this.#setState({
      status: 'lost',
      attempt: this.#attempt,
      retryAt: this.#timers.now() + wait,
      reason,
    })
    this.#retryTimer = this.#timers.setTimeout(() => this.#connect(), wait)
  }

  #send(id: number, text: string) {
    try {
      this.#socket?.send(text)
    } catch (error) {
      const resolve = this.#pending.get(id)
      this.#pending.delete(id)
      resolve?.(lost(error instanceof Error ? error.message : String(error)))
    }
  }

  #failAll(reason: string) {
    this.#queue.length = 0
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    for (const resolve of pending) resolve(lost(reason))
  }
}

function lost(reason: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code: TRANSPORT_ERRORS.connectionLost, message: reason } }
}
