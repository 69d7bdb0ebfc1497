import { describe, expect, it } from 'vitest'
import type { SocketFactory, SocketHandlers } from '../../../src-renderer/src/lib/transport/socket'
import {
  backoffMs,
  WsTransport,
  type ConnectionState,
  type Timers,
} from '../../../src-renderer/src/lib/transport/websocket'
import { parseServerMessage } from '../../../src-renderer/src/lib/transport/ws-messages'

/** A socket the test drives by hand, and a clock that only moves when told. */
function harness() {
  const sockets: { url: string; handlers: SocketHandlers; sent: string[]; closed: boolean }[] = []
  const createSocket: SocketFactory = (url, handlers) => {
    const s = { url, handlers, sent: [] as string[], closed: false }
    sockets.push(s)
    return {
      send: (d) => s.sent.push(d),
      close: () => {
        s.closed = true
      },
    }
  }
  let now = 0
  const due: { at: number; fn: () => void }[] = []
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const entry = { at: now + ms, fn }
      due.push(entry)
      return entry
    },
    clearTimeout: (h) => {
      const i = due.indexOf(h as (typeof due)[number])
      if (i >= 0) due.splice(i, 1)
    },
    now: () => now,
  }
  const advance = (ms: number) => {
    now += ms
    for (const e of due.filter((d) => d.at <= now)) {
      due.splice(due.indexOf(e), 1)
      e.fn()
    }
  }
  const states: ConnectionState[] = []
  let reconnects = 0
  const transport = new WsTransport({
    url: 'ws://127.0.0.1:1/api?token=t',
    createSocket,
    timers,
    onState: (s) => states.push(s),
    onReconnect: () => reconnects++,
  })
  return { transport, sockets, advance, states, reconnects: () => reconnects }
}

const last = <T>(xs: T[]) => xs[xs.length - 1]

describe('WebSocket transport', () => {
  it('queues requests until the socket opens, then matches replies by id', async () => {
    const h = harness()
    h.transport.start()
    const reply = h.transport.request('datasets:list', {})
    expect(h.sockets[0].sent).toEqual([])
    h.sockets[0].handlers.open()
    const frame = JSON.parse(h.sockets[0].sent[0])
    expect(frame).toMatchObject({ channel: 'datasets:list', payload: {} })
    h.sockets[0].handlers.message(
      JSON.stringify({ id: frame.id, envelope: { ok: true, result: [] } }),
    )
    await expect(reply).resolves.toEqual({ ok: true, result: [] })
  })

  it('passes error envelopes through and resolves concurrent requests independently', async () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.open()
    const a = h.transport.request('datasets:get', { id: 'a'.repeat(64) })
    const b = h.transport.request('datasets:list', {})
    const [fa, fb] = h.sockets[0].sent.map((s) => JSON.parse(s))
    const error = { code: 'NOT_FOUND', message: 'No dataset a…' }
    h.sockets[0].handlers.message(JSON.stringify({ id: fb.id, envelope: { ok: true, result: [] } }))
    h.sockets[0].handlers.message(JSON.stringify({ id: fa.id, envelope: { ok: false, error } }))
    await expect(a).resolves.toEqual({ ok: false, error })
    await expect(b).resolves.toEqual({ ok: true, result: [] })
  })

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.open()
    const seen: unknown[] = []
    const stop = h.transport.on('datasets:changed', (p) => seen.push(p))
    h.sockets[0].handlers.message(
      JSON.stringify({ event: 'datasets:changed', payload: { ids: ['x'] } }),
    )
    stop()
    h.sockets[0].handlers.message(
      JSON.stringify({ event: 'datasets:changed', payload: { ids: ['y'] } }),
    )
    expect(seen).toEqual([{ ids: ['x'] }])
  })

  it('fails requests in flight when the connection drops, then reconnects with backoff', async () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.open()
    const pending = h.transport.request('datasets:list', {})
    h.sockets[0].handlers.close('the server could not be reached')
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CONNECTION_LOST' } })
    expect(last(h.states)).toMatchObject({ status: 'lost', attempt: 1, retryAt: backoffMs(1) })

    // While lost, a request fails at once instead of hanging.
    await expect(h.transport.request('datasets:list', {})).resolves.toMatchObject({ ok: false })

    h.advance(backoffMs(1))
    expect(h.sockets).toHaveLength(2)
    expect(last(h.states)).toEqual({ status: 'connecting', attempt: 1 })
    h.sockets[1].handlers.open()
    expect(last(h.states)).toEqual({ status: 'open' })
    expect(h.reconnects()).toBe(1)
  })

  it('backs off longer after each failed attempt, up to a cap', () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.close('refused')
    h.advance(backoffMs(1))
    h.sockets[1].handlers.close('refused')
    expect(last(h.states)).toMatchObject({ status: 'lost', attempt: 2 })
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1))
    expect(backoffMs(50)).toBe(10_000)
    // A first connection that never opened is not a "reconnect".
    h.advance(backoffMs(2))
    h.sockets[2].handlers.open()
    expect(h.reconnects()).toBe(0)
  })

  it('retryNow skips the wait', () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.close('refused')
    h.transport.retryNow()
    expect(h.sockets).toHaveLength(2)
    h.advance(60_000)
    expect(h.sockets).toHaveLength(2)
  })

  it('ignores malformed frames', () => {
    const h = harness()
    h.transport.start()
    h.sockets[0].handlers.open()
    const warn = console.warn
    console.warn = () => {}
    try {
      expect(() => h.sockets[0].handlers.message('not json')).not.toThrow()
    } finally {
      console.warn = warn
    }
  })
})

describe('parseServerMessage', () => {
  it('accepts replies and events', () => {
    expect(parseServerMessage('{"id":3,"envelope":{"ok":true,"result":1}}')).toEqual({
      id: 3,
      envelope: { ok: true, result: 1 },
    })
    expect(parseServerMessage('{"event":"datasets:changed","payload":{"ids":[]}}')).toEqual({
      event: 'datasets:changed',
      payload: { ids: [] },
    })
  })

  it('rejects what is not one of the two', () => {
    expect(parseServerMessage('[]')).toBeNull()
    expect(parseServerMessage('{"id":"3","envelope":{"ok":true,"result":1}}')).toBeNull()
    expect(parseServerMessage('{"id":3,"envelope":{"ok":false,"error":"x"}}')).toBeNull()
    expect(parseServerMessage('{"id":3,"envelope":{"ok":true}}')).toBeNull()
    expect(parseServerMessage('{"event":"x"}')).toBeNull()
  })
})
