import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { channels, eventNames } from '../../../src-preload/contract'
import { dispatch, isChannel } from '../../../src-main/services/api-dispatch'
import { createHandlers } from '../../../src-main/services/api-handlers'
import { createServices, type ServiceHost } from '../../../src-main/services/create-services'
import { tempDir } from '../../helpers/temp-dir'

let dir: Awaited<ReturnType<typeof tempDir>>
let host: ServiceHost

beforeAll(async () => {
  dir = await tempDir('dispatch')
  host = await createServices({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
  })
})
afterAll(() => dir.remove())

describe('the API contract', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    const handlers = createHandlers(host.services, 'websocket')
    const channelNames = Object.keys(channels).sort()
    expect(Object.keys(handlers).sort()).toEqual(channelNames)
    for (const name of channelNames)
      expect(typeof handlers[name as keyof typeof handlers]).toBe('function')
  })

  it('names events apart from channels', () => {
    for (const event of eventNames) expect(isChannel(event)).toBe(false)
  })

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const handlers = createHandlers(host.services, 'ipc')
    const envelope = await dispatch(handlers, 'datasets:drop-table', {})
    expect(envelope).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    })
  })

  it('validates the payload before any handler runs', async () => {
    const handlers = createHandlers(host.services, 'ipc')
    const bad = await dispatch(handlers, 'datasets:get', { id: '../../etc/passwd' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_REQUEST')
      expect(bad.error.message).toMatch(/id/)
    }
    const extra = await dispatch(handlers, 'app:info', { sneaky: true })
    expect(extra.ok).toBe(false)
  })

  it('wraps a result in the ok envelope and a service failure in a coded error', async () => {
    const handlers = createHandlers(host.services, 'websocket')
    const info = await dispatch(handlers, 'app:info', {})
    expect(info).toEqual({
      ok: true,
      result: { version: '0.0.0-test', dataDir: dir.path, transport: 'websocket' },
    })
    const missing = await dispatch(handlers, 'datasets:get', { id: 'a'.repeat(64) })
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
  })
})
